package dev.hookgen.generator.schema;

import java.util.Locale;

/** How wire names become Java names. */
public final class Names {

    private Names() {}

    /** {@code message_sent} becomes {@code MessageSent}. */
    public static String pascal(String wireName) {
        StringBuilder out = new StringBuilder(wireName.length());
        for (String part : wireName.split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code message_sent} becomes {@code MESSAGE_SENT}. */
    public static String constant(String wireName) {
        return wireName.toUpperCase(Locale.ROOT);
    }

    /** {@code message_sent} becomes {@code onMessageSent}. */
    public static String handlerMethod(String wireName) {
        return "on" + pascal(wireName);
    }

    /** {@code message_sent} becomes {@code MessageSentEvent}. */
    public static String eventClass(String wireName) {
        return pascal(wireName) + "Event";
    }

    /** The package part of a fully qualified class name. */
    public static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }

    /** The simple name of a fully qualified class name. */
    public static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
