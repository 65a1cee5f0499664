package dev.hookgen.generator.docs;

import static dev.hookgen.generator.schema.Annotations.DISCRIMINATOR;
import static dev.hookgen.generator.schema.Annotations.EXISTING_JAVA_TYPE;
import static dev.hookgen.generator.schema.Annotations.JAVA_TYPE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.generator.api.ApiNames;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.Names;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.SchemaSet;
import dev.hookgen.generator.schema.SchemaSet.Resolved;
import dev.hookgen.generator.schema.TriggerSpec;
import dev.hookgen.generator.schema.UnionSpec;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@code EVENTS.md}: every trigger with its event class, description, idempotency key (its parts, why
 * they identify one occurrence, and what it leaves out and why) and field tree, then every shared shape once. A pure, deterministic function of the {@link Catalog}.
 *
 * <p>Field trees stop at shared definitions: a field whose type is a class of {@code definitions/}
 * links to that class's section under "Shared shapes" instead of repeating it, so recursive shapes
 * and unions cannot loop and each shape is listed once. The trigger's {@code data} and the inline
 * objects of a schema (classes declared inside it) are expanded in place.
 */
public final class EventsCatalog {

    /** The command that writes the catalog, as the file tells its readers. */
    public static final String COMMAND = "java -jar generator/target/hookgen.jar catalog --schemas schemas";

    private static final int MAX_DEPTH = 8;

    private final Catalog catalog;
    private final SchemaSet schemas;
    private final ApiNames names;
    private final StringBuilder out = new StringBuilder();

    private EventsCatalog(Catalog catalog) {
        this.catalog = catalog;
        this.schemas = catalog.schemas();
        this.names = new ApiNames(catalog.apiPackage());
    }

    public static String render(Catalog catalog) {
        return new EventsCatalog(catalog).render();
    }

    private String render() {
        out.append("# CometChat webhook events\n\n")
                .append("<!-- Generated from the schemas by `").append(COMMAND).append("`. Do not edit: the build fails when this file is out of date. -->\n\n")
                .append("Every trigger hookgen knows: its event class, what CometChat says about it, the fields that make its ")
                .append("idempotency key, and the fields of its payload. Event classes are in `").append(names.apiPackage())
                .append("`, the classes of their fields in `").append(names.modelPackage()).append("`. ")
                .append("Each field shows its JSON name, its Java type (the getter is `get` + the name in PascalCase) and whether ")
                .append("every valid payload has it (**required**). Shapes shared by several events are listed once, under ")
                .append("[Shared shapes](#shared-shapes).\n\n");
        out.append(catalog.triggers().size()).append(" triggers.\n\n");
        out.append("| Trigger | Event class | `data` | Idempotency key |\n|---|---|---|---|\n");
        for (TriggerSpec trigger : catalog.triggers()) {
            out.append("| [`").append(trigger.wireName()).append("`](#").append(anchor(trigger.wireName())).append(") | `")
                    .append(Names.simpleName(trigger.eventClass())).append("` | ").append(dataType(trigger)).append(" | ")
                    .append(key(trigger)).append(" |\n");
        }
        out.append("\n## Events\n");
        catalog.triggers().forEach(this::trigger);
        out.append("\n## Shared shapes\n");
        schemas.files("definitions").stream()
                .filter(f -> f.root().has(JAVA_TYPE))
                .sorted(Comparator.comparing(f -> Names.simpleName(f.root().get(JAVA_TYPE).asText())))
                .forEach(this::shape);
        return out.toString();
    }

    private void trigger(TriggerSpec trigger) {
        SchemaFile file = schemas.file(trigger.schemaFile());
        String event = Names.simpleName(trigger.eventClass());
        out.append("\n### ").append(trigger.wireName()).append("\n\n")
                .append(oneLine(trigger.description())).append("\n\n")
                .append("`").append(event).append("` · `Trigger.").append(Names.constant(trigger.wireName())).append("` · `WebhookHandler.")
                .append(Names.handlerMethod(trigger.wireName())).append("(").append(event).append(")` · schema [`")
                .append(trigger.schemaFile()).append("`](").append(trigger.schemaFile()).append(")\n\n")
                .append("Idempotency key: ").append(key(trigger)).append("\n\n");
        if (!trigger.keyReason().isEmpty()) {
            out.append(oneLine(trigger.keyReason())).append("\n\n");
        }
        if (!trigger.keyExclusions().isEmpty()) {
            out.append("Left out of the key:\n\n");
            for (TriggerSpec.KeyExclusion exclusion : trigger.keyExclusions()) {
                out.append("- `").append(exclusion.pattern()).append("`: ").append(oneLine(exclusion.reason())).append('\n');
            }
            out.append('\n');
        }
        fields(new Resolved(file, "", file.root()), "", 0, "data");
    }

    private void shape(SchemaFile file) {
        JsonNode root = file.root();
        String javaType = root.get(JAVA_TYPE).asText();
        out.append("\n### ").append(Names.simpleName(javaType)).append("\n\n")
                .append("`").append(javaType).append("` · schema [`").append(file.name()).append("`](").append(file.name()).append(")\n\n")
                .append(oneLine(root.path("description").asText(""))).append("\n\n");
        if (root.has(DISCRIMINATOR)) {
            UnionSpec union = catalog.unions().stream().filter(u -> u.schemaFile().equals(file.name())).findFirst().orElseThrow();
            out.append("A sealed interface; `").append(union.discriminator()).append("` tells the variants apart:\n\n");
            for (UnionSpec.Variant variant : union.variants()) {
                out.append("- `\"").append(variant.value()).append("\"`: ").append(link(Names.simpleName(variant.javaType()))).append('\n');
            }
            out.append("- anything else: ").append(link(Names.simpleName(union.fallbackType()))).append('\n');
            return;
        }
        fields(new Resolved(file, "", root), "", 0, null);
    }

    /** The properties of the object schema {@code object}, one list item each, nested objects indented. */
    private void fields(Resolved object, String indent, int depth, String expand) {
        JsonNode properties = object.node().path("properties");
        if (properties.isEmpty()) {
            out.append(indent).append("- (no declared fields)\n");
            return;
        }
        Set<String> required = new HashSet<>();
        object.node().path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            Resolved schema = new Resolved(object.file(), object.pointer() + "/properties/" + SchemaSet.escape(name), property.getValue());
            Resolved target = schemas.deref(schema);
            Type type = type(schema);
            out.append(indent).append("- `").append(name).append("` ").append(type.text());
            if (required.contains(name)) {
                out.append(", **required**");
            }
            String description = property.getValue().has("$ref") && type.shared() ? "" : oneLine(target.node().path("description").asText(""));
            out.append(description.isEmpty() ? "" : ": " + description).append('\n');
            boolean expandHere = name.equals(expand) && depth == 0;
            if (depth < MAX_DEPTH && type.inline() != null && (!type.shared() || expandHere)) {
                fields(type.inline(), indent + "  ", depth + 1, null);
            }
        }
    }

    /** How a field's type is shown, the object to expand under it (null: none), and whether it is a shared definition. */
    private record Type(String text, Resolved inline, boolean shared) {}

    private Type type(Resolved schema) {
        Resolved target = schemas.deref(schema);
        JsonNode node = target.node();
        if (node.has(JAVA_TYPE)) {
            String simple = Names.simpleName(node.get(JAVA_TYPE).asText());
            boolean shared = isDefinitionRoot(target);
            Resolved expand = node.has("properties") ? target : null;
            return new Type(shared ? link(simple) : "`" + simple + "`", expand, shared);
        }
        if (node.has(EXISTING_JAVA_TYPE)) {
            String text = "`" + simplify(node.get(EXISTING_JAVA_TYPE).asText()) + "`";
            JsonNode values = node.get("additionalProperties");
            if (values != null && values.isObject()) {
                Type value = type(new Resolved(target.file(), target.pointer() + "/additionalProperties", values));
                if (value.shared()) {
                    text += " of " + value.text();
                }
            }
            return new Type(text, null, false);
        }
        switch (node.path("type").asText()) {
            case "string": return new Type("`String`", null, false);
            case "integer": return new Type("`Long`", null, false);
            case "boolean": return new Type("`Boolean`", null, false);
            case "number": return new Type("`Double`", null, false);
            case "array": {
                JsonNode items = node.get("items");
                if (items == null || !items.isObject()) {
                    return new Type("`List<Object>`", null, false);
                }
                Type item = type(new Resolved(target.file(), target.pointer() + "/items", items));
                String plain = item.text().replaceAll("^\\[`([^`]*)`\\]\\(#[^)]*\\)$", "$1").replace("`", "");
                String text = "`List<" + plain + ">`" + (item.shared() ? " of " + item.text() : "");
                return new Type(text, item.shared() ? null : item.inline(), false);
            }
            default: return new Type("`Object`", null, false);
        }
    }

    private boolean isDefinitionRoot(Resolved resolved) {
        return resolved.pointer().isEmpty() && resolved.file().name().startsWith("definitions/");
    }

    private String dataType(TriggerSpec trigger) {
        SchemaFile file = schemas.file(trigger.schemaFile());
        Resolved data = new Resolved(file, "/properties/data", file.root().path("properties").path("data"));
        return type(data).text();
    }

    private static String key(TriggerSpec trigger) {
        return trigger.idempotencyKey().stream().map(k -> "`" + k.text() + "`").collect(Collectors.joining(", "));
    }

    private static String link(String simpleName) {
        return "[`" + simpleName + "`](#" + anchor(simpleName) + ")";
    }

    /** GitHub's heading anchor: lower case, spaces to dashes, punctuation other than - and _ dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** {@code java.util.Map<java.lang.String,dev.hookgen.cometchat.model.User>} becomes {@code Map<String, User>}. */
    static String simplify(String javaType) {
        return javaType.replaceAll("\\b[a-z_][a-z0-9_]*\\.", "").replace(",", ", ");
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
