package dev.hookgen.generator.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.SchemaDirectory;
import dev.hookgen.generator.schema.TriggerSelection;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint changes with every input that changes the output, and with nothing else. */
class InputFingerprintTest {

    private static final String VERSION = "1.0+abc";

    @TempDir
    Path temp;

    private Path schemas;
    private GeneratorConfig config;

    @BeforeEach
    void schemas() {
        schemas = temp.resolve("schemas");
        new SchemaDirectory().writeTo(schemas);
        config = new GeneratorConfig(schemas, SchemaDirectory.PACKAGE);
    }

    private static GeneratorConfig with(GeneratorConfig c, String apiPackage, String modelPackage, TriggerSelection triggers) {
        return new GeneratorConfig(c.schemaDirectory(), apiPackage, modelPackage, triggers);
    }

    @Test
    void everySettingThatChangesTheOutputChangesTheFingerprint() {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        fingerprints.put("baseline", InputFingerprint.of(config, VERSION));
        fingerprints.put("another generator", InputFingerprint.of(config, "1.0+abd"));
        fingerprints.put("apiPackage", InputFingerprint.of(with(config, "com.example.other", config.modelPackage(), config.triggers()), VERSION));
        fingerprints.put("modelPackage", InputFingerprint.of(with(config, config.apiPackage(), "com.example.shapes", config.triggers()), VERSION));
        fingerprints.put("includeTriggers", InputFingerprint.of(
                with(config, config.apiPackage(), config.modelPackage(), new TriggerSelection(List.of("message_*"), List.of())), VERSION));
        fingerprints.put("excludeTriggers", InputFingerprint.of(
                with(config, config.apiPackage(), config.modelPackage(), new TriggerSelection(List.of(), List.of("message_*"))), VERSION));
        fingerprints.put("includeTriggers two", InputFingerprint.of(
                with(config, config.apiPackage(), config.modelPackage(), new TriggerSelection(List.of("a", "b"), List.of())), VERSION));
        fingerprints.put("includeTriggers one with a comma", InputFingerprint.of(
                with(config, config.apiPackage(), config.modelPackage(), new TriggerSelection(List.of("a, b"), List.of())), VERSION));
        assertEquals(fingerprints.size(), fingerprints.values().stream().distinct().count(), "all differ: " + fingerprints);
    }

    /**
     * A new setting of {@link GeneratorConfig} or {@link TriggerSelection} fails here until
     * {@link InputFingerprint} hashes it and the test above shows it; the schema directory counts by its files.
     */
    @Test
    void theSettingsTheFingerprintCoversAreAllTheConfigurationHas() {
        assertEquals(List.of("schemaDirectory", "apiPackage", "modelPackage", "triggers"), names(GeneratorConfig.class));
        assertEquals(List.of("includes", "excludes"), names(TriggerSelection.class));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void everySchemaByteCountsInAnyFolder() throws IOException {
        String before = InputFingerprint.of(config, VERSION);

        Path user = schemas.resolve("definitions/user.json");
        String text = Files.readString(user);
        Files.writeString(user, text.replace("The user's role.", "The user's rôle."));
        String edited = InputFingerprint.of(config, VERSION);
        assertNotEquals(before, edited, "an edited definition");
        Files.writeString(user, text);
        assertEquals(before, InputFingerprint.of(config, VERSION), "back as it was");

        Files.createDirectories(schemas.resolve("common"));
        Files.writeString(schemas.resolve("common/ids.json"), "{\"type\": \"string\"}");
        String nested = InputFingerprint.of(config, VERSION);
        assertNotEquals(before, nested, "a schema in another folder, which a $ref may reach");

        Files.move(schemas.resolve("common/ids.json"), schemas.resolve("common/id.json"));
        assertNotEquals(nested, InputFingerprint.of(config, VERSION), "a renamed schema");

        Files.delete(schemas.resolve("common/id.json"));
        assertEquals(before, InputFingerprint.of(config, VERSION));
        Files.delete(schemas.resolve("triggers/message_sent.json"));
        assertNotEquals(before, InputFingerprint.of(config, VERSION), "a deleted trigger");
    }

    @Test
    void whatTheOutputDoesNotDependOnDoesNotCount() throws IOException {
        String before = InputFingerprint.of(config, VERSION);

        Files.writeString(schemas.resolve("EVENTS.md"), "# the catalog the build renders\n");
        assertEquals(before, InputFingerprint.of(config, VERSION), "a file that is not a schema");

        Path elsewhere = temp.resolve("elsewhere/schemas");
        new SchemaDirectory().writeTo(elsewhere);
        assertEquals(before, InputFingerprint.of(new GeneratorConfig(elsewhere, SchemaDirectory.PACKAGE), VERSION),
                "the same schemas in another folder: the output names no path");
    }
}
