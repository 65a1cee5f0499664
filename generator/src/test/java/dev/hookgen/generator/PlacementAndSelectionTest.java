package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.OutputWriter;
import dev.hookgen.generator.schema.SchemaException;
import dev.hookgen.generator.schema.TriggerSelection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where classes go is configuration ({@code packageName}, {@code modelPackage}), whatever packages the
 * schemas' {@code javaType}s name; which triggers are generated is configuration too, and only the
 * shapes they reach are generated. Each output is compiled under {@code -Xlint:all -Werror}.
 */
class PlacementAndSelectionTest {

    @TempDir
    Path temp;

    /** The golden case: three triggers, a union, a user map, an inline class, all in com.example.hooks(.model). */
    private static Path small() {
        return TestSchemas.resource("golden/small/schemas");
    }

    @Test
    void publishedSchemasGenerateIntoTheUsersPackages() {
        GeneratedFiles files = Generator.generate(new GeneratorConfig(small(), "org.acme.hooks", "org.acme.hooks.dto", TriggerSelection.ALL));

        assertTrue(files.asMap().keySet().stream().allMatch(p -> p.startsWith("org/acme/hooks/")), files.asMap().keySet().toString());
        assertTrue(files.asMap().containsKey("org/acme/hooks/MessageSentEvent.java"));
        assertTrue(files.asMap().containsKey("org/acme/hooks/dto/User.java"));
        assertTrue(files.asMap().containsKey("org/acme/hooks/dto/EntityRef.java"), "the union's sealed interface follows its schema");
        // The user map's existingJavaType names the moved class.
        assertTrue(files.content("org/acme/hooks/dto/Group.java").contains("Map<String, User>"),
                files.content("org/acme/hooks/dto/Group.java"));
        assertEquals(List.of(), files.asMap().keySet().stream().filter(p -> files.content(p).contains("com.example")).toList(),
                "nothing names the schemas' own packages");
        compile(files);
    }

    @Test
    void theDefaultPlacementIsTheSchemasOwn() {
        assertEquals(Generator.generate(new GeneratorConfig(small(), "com.example.hooks")),
                Generator.generate(new GeneratorConfig(small(), "com.example.hooks", "com.example.hooks.model", TriggerSelection.ALL)));
    }

    @Test
    void onlyTheIncludedTriggersAndTheShapesTheyReachAreGenerated() {
        GeneratedFiles files = Generator.generate(new GeneratorConfig(small(), "com.example.hooks", "com.example.hooks.model",
                new TriggerSelection(List.of("group_*"), List.of())));

        assertTrue(files.asMap().containsKey("com/example/hooks/GroupCreatedEvent.java"));
        assertEquals(List.of("com/example/hooks/model/Group.java", "com/example/hooks/model/GroupEventData.java",
                        "com/example/hooks/model/User.java"),
                files.asMap().keySet().stream().filter(p -> p.startsWith("com/example/hooks/model/")).toList(),
                "no Message, no EntityRef: group_created does not reach them");
        assertTrue(files.asMap().keySet().stream().noneMatch(p -> p.contains("MessageSent") || p.contains("MessageDeleted")));
        assertTrue(!files.content("com/example/hooks/Trigger.java").contains("MESSAGE_SENT"));
        compile(files);
    }

    @Test
    void excludedTriggersAreLeftOut() {
        GeneratedFiles files = Generator.generate(new GeneratorConfig(small(), "com.example.hooks", "com.example.hooks.model",
                new TriggerSelection(List.of(), List.of("message_deleted"))));
        assertTrue(files.asMap().containsKey("com/example/hooks/MessageSentEvent.java"));
        assertTrue(!files.asMap().containsKey("com/example/hooks/MessageDeletedEvent.java"));
        compile(files);
    }

    @Test
    void aNameThatMatchesNoTriggerIsAnError() {
        SchemaException e = assertThrows(SchemaException.class, () -> Generator.generate(new GeneratorConfig(small(),
                "com.example.hooks", "com.example.hooks.model", new TriggerSelection(List.of("mesage_sent"), List.of()))));
        assertEquals("schema triggers/: includeTriggers: \"mesage_sent\" matches no trigger", e.getMessage());
        SchemaException none = assertThrows(SchemaException.class, () -> Generator.generate(new GeneratorConfig(small(),
                "com.example.hooks", "com.example.hooks.model", new TriggerSelection(List.of(), List.of("*")))));
        assertEquals("schema triggers/: no trigger left to generate: includeTriggers [], excludeTriggers [*]", none.getMessage());
    }

    private void compile(GeneratedFiles files) {
        OutputWriter.write(files, temp.resolve("src"));
        JavaCompilation.compile(temp.resolve("src"), temp.resolve("classes")).assertClean();
    }
}
