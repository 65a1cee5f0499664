package dev.hookgen.generator.scaffold;

import static dev.hookgen.generator.schema.Annotations.DISCRIMINATOR;
import static dev.hookgen.generator.schema.Annotations.JAVA_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.SchemaSet;
import dev.hookgen.generator.schema.SchemaSet.Resolved;
import dev.hookgen.generator.validate.SchemaValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the shared definition an object of a sample is an instance of.
 *
 * <p>The rule. A definition is a candidate when it is a class ({@code "type": "object"} with a
 * {@code javaType}) in {@code definitions/}, declares properties or is a union, and is not itself a
 * variant of a union (the union is matched instead, so that {@code {entity, entityType}} becomes an
 * {@code EntityRef} whatever its kind). An object <em>matches</em> a candidate when
 * <ol>
 *   <li>it is valid against the candidate's schema (so every required property is there and every
 *       declared property it has has the declared type, all the way down), and</li>
 *   <li>the candidate identifies it: if the candidate requires properties, a strict majority of the
 *       object's keys are properties the candidate declares; if it requires none, every key is
 *       declared and there are at least two.</li>
 * </ol>
 * Of the matching candidates the most specific wins: the one that requires the most properties,
 * then the one that declares the most of the object's keys, then the one that declares the fewest
 * properties overall, then the first by file name. So {@code guid} gives {@code group.json},
 * {@code uid} {@code user.json}, a message's ten required fields {@code message.json}.
 */
final class DefinitionMatcher {

    /** A definition objects can match. For a union, declared and required span its variants. */
    record Candidate(SchemaFile file, String javaType, Set<String> declared, Set<String> required) {}

    /** A match, with the keys of the object the definition does not declare (kept in additional properties). */
    record Match(Candidate candidate, List<String> undeclared) {}

    private final List<Candidate> candidates = new ArrayList<>();
    private final SchemaValidator validator = new SchemaValidator();

    DefinitionMatcher(SchemaSet schemas) {
        Set<String> variants = new HashSet<>();
        for (SchemaFile file : schemas.files("definitions")) {
            if (file.root().has(DISCRIMINATOR)) {
                for (JsonNode variant : file.root().path("oneOf")) {
                    variants.add(schemas.resolve(file, "", variant.path("$ref").asText()).file().name());
                }
            }
        }
        for (SchemaFile file : schemas.files("definitions")) {
            JsonNode root = file.root();
            if (variants.contains(file.name()) || !"object".equals(root.path("type").asText()) || !root.has(JAVA_TYPE)) {
                continue;
            }
            Set<String> declared = new LinkedHashSet<>();
            Set<String> required = new LinkedHashSet<>();
            if (root.has(DISCRIMINATOR)) {
                boolean first = true;
                for (JsonNode variant : root.path("oneOf")) {
                    Resolved resolved = schemas.resolve(file, "", variant.path("$ref").asText());
                    resolved.node().path("properties").fieldNames().forEachRemaining(declared::add);
                    Set<String> variantRequired = names(resolved.node().path("required"));
                    if (first) {
                        required.addAll(variantRequired);
                        first = false;
                    } else {
                        required.retainAll(variantRequired);
                    }
                }
            } else {
                root.path("properties").fieldNames().forEachRemaining(declared::add);
                required.addAll(names(root.path("required")));
            }
            if (!declared.isEmpty()) {
                candidates.add(new Candidate(file, root.get(JAVA_TYPE).asText(), declared, required));
            }
        }
    }

    /** The most specific definition every one of {@code objects} matches, if any. */
    Optional<Match> match(List<JsonNode> objects) {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (objects.stream().allMatch(o -> matches(o, candidate)) && (best == null || SPECIFICITY.compare(
                    score(objects.get(0), candidate), score(objects.get(0), best)) > 0)) {
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Set<String> undeclared = new LinkedHashSet<>();
        for (JsonNode object : objects) {
            object.fieldNames().forEachRemaining(undeclared::add);
        }
        undeclared.removeAll(best.declared());
        return Optional.of(new Match(best, List.copyOf(undeclared)));
    }

    private boolean matches(JsonNode object, Candidate candidate) {
        if (!object.isObject()) {
            return false;
        }
        int keys = object.size();
        int declared = declaredKeys(object, candidate);
        boolean identified = candidate.required().isEmpty()
                ? keys >= 2 && declared == keys
                : 2 * declared > keys && candidate.required().stream().allMatch(object::has);
        return identified && validator.validate(object, candidate.file()).isEmpty();
    }

    private static int declaredKeys(JsonNode object, Candidate candidate) {
        int declared = 0;
        for (var it = object.fieldNames(); it.hasNext(); ) {
            if (candidate.declared().contains(it.next())) {
                declared++;
            }
        }
        return declared;
    }

    private static int[] score(JsonNode object, Candidate candidate) {
        return new int[] {candidate.required().size(), declaredKeys(object, candidate), -candidate.declared().size()};
    }

    private static final Comparator<int[]> SPECIFICITY = (a, b) -> {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    };

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
