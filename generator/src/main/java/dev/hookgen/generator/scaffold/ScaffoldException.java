package dev.hookgen.generator.scaffold;

/** A scaffold that cannot be made: a sample that is not a webhook payload, an existing trigger, a draft the sample does not satisfy. */
public final class ScaffoldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScaffoldException(String message) {
        super(message);
    }
}
