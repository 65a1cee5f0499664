package dev.hookgen.generator.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.generator.Generator;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.JavaCompilation;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.cli.HookgenCommand;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.OutputWriter;
import dev.hookgen.generator.schema.Names;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.schemas.SchemaContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The promise of the issue, end to end: in a copy of the schemas, {@code scaffold} a trigger the
 * project does not have from a sample, then check the copy against the schemas' contract (the checks
 * {@code SchemaContractTest}, {@code SampleValidationTest} and {@code NegativeValidationTest} run on the
 * real schemas), generate, compile and load, with no other edit. This is what {@code mvn install} does
 * after a scaffold, minus Maven; {@code .ci/new-trigger} does it with Maven in a copy of the repository.
 */
class ScaffoldToEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aScaffoldedTriggerBecomesAnEventClassATriggerConstantAndAHandlerMethod() throws Exception {
        Path schemas = TestSchemas.copyTo(temp.resolve("schemas"));
        String wire = newWireName(schemas, "message_pinned");
        String pascal = Names.pascal(wire);
        Path sample = sampleOf("message_pinned", wire);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HookgenCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("scaffold", "--schemas", schemas.toString(), "--trigger", wire, sample.toString());
        assertEquals(0, exit, err.toString());
        assertTrue(Files.isRegularFile(schemas.resolve("triggers/" + wire + ".json")));
        assertEquals(Files.readString(sample), Files.readString(schemas.resolve("samples/" + wire + ".json")));
        new SchemaContract(schemas, GeneratorConfig.DEFAULT_PACKAGE).checkAll();

        GeneratedFiles files = Generator.generate(new GeneratorConfig(schemas, GeneratorConfig.DEFAULT_PACKAGE));
        ClassLoader loader = compile(files, temp.resolve("classes"));

        Class<?> webhookEvent = loader.loadClass("dev.hookgen.cometchat.WebhookEvent");
        Class<?> event = loader.loadClass("dev.hookgen.cometchat." + pascal + "Event");
        assertTrue(webhookEvent.isAssignableFrom(event), pascal + "Event implements WebhookEvent");

        Class<?> trigger = loader.loadClass("dev.hookgen.cometchat.Trigger");
        Object constant = trigger.getField(Names.constant(wire)).get(null);
        assertEquals(wire, trigger.getMethod("wireName").invoke(constant));
        assertEquals(event, trigger.getMethod("eventType").invoke(constant));

        Class<?> handler = loader.loadClass("dev.hookgen.cometchat.WebhookHandler");
        Method onEvent = handler.getMethod(Names.handlerMethod(wire), event);
        assertTrue(onEvent.isDefault());

        // The shared shapes are reused, not copied: data.message is the Message every message event has.
        Class<?> data = event.getMethod("getData").getReturnType();
        assertEquals("dev.hookgen.cometchat.model." + pascal + "EventData", data.getName());
        assertEquals(loader.loadClass("dev.hookgen.cometchat.model.Message"), data.getMethod("getMessage").getReturnType());
        assertEquals(loader.loadClass("dev.hookgen.cometchat.model.User"), data.getMethod("getPinnedBy").getReturnType());
        assertEquals(Long.class, data.getMethod("getPinnedAt").getReturnType());
        assertEquals("java.util.Map<java.lang.String, dev.hookgen.cometchat.model.User>",
                data.getMethod("getViewers").getGenericReturnType().getTypeName());
        assertEquals("java.util.Map<java.lang.String, java.lang.Long>",
                data.getMethod("getUnreadCounts").getGenericReturnType().getTypeName());
        ParameterizedType history = (ParameterizedType) data.getMethod("getHistory").getGenericReturnType();
        assertEquals("dev.hookgen.cometchat.model." + pascal + "HistoryItem", history.getActualTypeArguments()[0].getTypeName());

        // The sample parses to the new class and writes back to the same JSON.
        Class<?> events = loader.loadClass("dev.hookgen.cometchat.WebhookEvents");
        String payload = Files.readString(sample);
        Object parsed = events.getMethod("parse", String.class).invoke(null, payload);
        assertEquals(event, parsed.getClass());
        assertTrue(((String) webhookEvent.getMethod("idempotencyKey").invoke(parsed))
                .matches("<appId>:<webhookID>:" + wire + ":42:cometchat-uid-1,cometchat-uid-2:1696935103114:[A-Za-z0-9_-]{43}"));
        String written = (String) events.getMethod("toJson", webhookEvent).invoke(null, parsed);
        assertEquals(JSON.readTree(payload), JSON.readTree(written));
        JsonNode key = JSON.readTree(Files.readString(schemas.resolve("triggers/" + wire + ".json"))).get("x-hookgen-idempotency-key");
        assertEquals("[\"/appId\",\"/webhook\",\"/trigger\",\"/data/message/id\",\"keys(/data/viewers)\",\"/data/pinnedAt\",\"digest(/data)\"]", key.toString());
    }

    /**
     * Each sample under {@code src/test/resources/scaffold/} is a trigger the project does not have, with
     * what a scaffold must handle: shared shapes, new objects, fractions, empty arrays, mixed arrays, a
     * top-level session {@code type}, an {@code entityType} nobody declared ({@code message_pinned}, with
     * maps keyed by id, is the test above). The
     * draft passes the whole contract, compiles without a warning under {@code -Xlint:all -Werror}, and
     * the sample parses to the new event class and writes back to the same JSON.
     */
    @ParameterizedTest
    @ValueSource(strings = {"poll_voted", "whiteboard_shared"})
    void aScaffoldedDraftPassesTheContractCompilesCleanlyAndParsesLosslessly(String name) throws Exception {
        Path schemas = TestSchemas.copyTo(temp.resolve("schemas"));
        String wire = newWireName(schemas, name);
        Path sample = sampleOf(name, wire);
        CommandLine cli = HookgenCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        assertEquals(0, cli.execute("scaffold", "--schemas", schemas.toString(), "--trigger", wire, sample.toString()), err.toString());

        new SchemaContract(schemas, GeneratorConfig.DEFAULT_PACKAGE).checkAll();

        OutputWriter.write(Generator.generate(new GeneratorConfig(schemas, GeneratorConfig.DEFAULT_PACKAGE)), temp.resolve("src"));
        JavaCompilation.Result compiled = JavaCompilation.compile(temp.resolve("src"), temp.resolve("classes"));
        compiled.assertClean();
        ClassLoader loader = compiled.loader();
        Class<?> webhookEvent = loader.loadClass("dev.hookgen.cometchat.WebhookEvent");
        Class<?> event = loader.loadClass("dev.hookgen.cometchat." + Names.eventClass(wire));
        Class<?> events = loader.loadClass("dev.hookgen.cometchat.WebhookEvents");
        String payload = Files.readString(sample);
        Object parsed = events.getMethod("parse", String.class).invoke(null, payload);
        assertEquals(event, parsed.getClass());
        String written = (String) events.getMethod("toJson", webhookEvent).invoke(null, parsed);
        assertEquals(JSON.readTree(payload), JSON.readTree(written));
    }

    /**
     * {@code preferred}, or {@code preferred_2}, {@code _3}, ... if the project has that trigger: the
     * test needs one the project does not have, and a user may well scaffold {@code message_pinned}.
     */
    private static String newWireName(Path schemas, String preferred) {
        String wire = preferred;
        for (int i = 2; Files.exists(schemas.resolve("triggers/" + wire + ".json")); i++) {
            wire = preferred + "_" + i;
        }
        return wire;
    }

    /** The sample {@code scaffold/<name>.json}, its {@code trigger} set to {@code wire}. */
    private Path sampleOf(String name, String wire) throws Exception {
        Path resource = TestSchemas.resource("scaffold/" + name + ".json");
        if (wire.equals(name)) {
            return resource;
        }
        String text = Files.readString(resource);
        Path copy = temp.resolve(wire + ".json");
        Files.writeString(copy, text.replace("\"trigger\": \"" + name + "\"", "\"trigger\": \"" + wire + "\""));
        return copy;
    }

    /** Compiles the generated sources against Jackson, as the generated-models module does, and loads them. */
    static ClassLoader compile(GeneratedFiles files, Path classes) throws Exception {
        Path sources = classes.resolveSibling("sources");
        List<Path> paths = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
            Path path = sources.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
            paths.add(path);
        }
        Files.createDirectories(classes);
        String classpath = List.of(EventReader.class, ObjectMapper.class, JsonParser.class, JsonProperty.class).stream()
                .map(c -> {
                    try {
                        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining(java.io.File.pathSeparator));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, fileManager, diagnostics,
                    List.of("--release", "17", "-classpath", classpath, "-d", classes.toString(), "-proc:none"),
                    null, fileManager.getJavaFileObjectsFromPaths(paths)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(Object::toString)
                    .collect(Collectors.joining("\n"));
            assertTrue(ok, "generated sources do not compile:\n" + errors);
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ScaffoldToEventTest.class.getClassLoader());
    }
}
