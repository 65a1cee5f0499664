package dev.hookgen.generator.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.generator.Generator;
import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.cli.HookgenCommand;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.runtime.EventReader;
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
import picocli.CommandLine;

/**
 * The promise of the issue, end to end: in a copy of the schemas, {@code scaffold} a trigger the
 * project does not have from a sample, then generate, compile and load, with no other edit. This is
 * what {@code mvn install} does after a scaffold, minus Maven.
 */
class ScaffoldToEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void aScaffoldedTriggerBecomesAnEventClassATriggerConstantAndAHandlerMethod() throws Exception {
        Path schemas = TestSchemas.copyTo(temp.resolve("schemas"));
        Path sample = TestSchemas.resource("scaffold/message_pinned.json");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HookgenCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("scaffold", "--schemas", schemas.toString(), "--trigger", "message_pinned", sample.toString());
        assertEquals(0, exit, err.toString());
        assertTrue(Files.isRegularFile(schemas.resolve("triggers/message_pinned.json")));
        assertEquals(Files.readString(sample), Files.readString(schemas.resolve("samples/message_pinned.json")));

        GeneratedFiles files = Generator.generate(new GeneratorConfig(schemas, GeneratorConfig.DEFAULT_PACKAGE));
        ClassLoader loader = compile(files, temp.resolve("classes"));

        Class<?> webhookEvent = loader.loadClass("dev.hookgen.cometchat.WebhookEvent");
        Class<?> event = loader.loadClass("dev.hookgen.cometchat.MessagePinnedEvent");
        assertTrue(webhookEvent.isAssignableFrom(event), "MessagePinnedEvent implements WebhookEvent");

        Class<?> trigger = loader.loadClass("dev.hookgen.cometchat.Trigger");
        Object constant = trigger.getField("MESSAGE_PINNED").get(null);
        assertEquals("message_pinned", trigger.getMethod("wireName").invoke(constant));
        assertEquals(event, trigger.getMethod("eventType").invoke(constant));

        Class<?> handler = loader.loadClass("dev.hookgen.cometchat.WebhookHandler");
        Method onMessagePinned = handler.getMethod("onMessagePinned", event);
        assertTrue(onMessagePinned.isDefault());

        // The shared shapes are reused, not copied: data.message is the Message every message event has.
        Class<?> data = event.getMethod("getData").getReturnType();
        assertEquals("dev.hookgen.cometchat.model.MessagePinnedEventData", data.getName());
        assertEquals(loader.loadClass("dev.hookgen.cometchat.model.Message"), data.getMethod("getMessage").getReturnType());
        assertEquals(loader.loadClass("dev.hookgen.cometchat.model.User"), data.getMethod("getPinnedBy").getReturnType());
        assertEquals(Long.class, data.getMethod("getPinnedAt").getReturnType());
        assertEquals("java.util.Map<java.lang.String, dev.hookgen.cometchat.model.User>",
                data.getMethod("getViewers").getGenericReturnType().getTypeName());
        assertEquals("java.util.Map<java.lang.String, java.lang.Long>",
                data.getMethod("getUnreadCounts").getGenericReturnType().getTypeName());
        ParameterizedType history = (ParameterizedType) data.getMethod("getHistory").getGenericReturnType();
        assertEquals("dev.hookgen.cometchat.model.MessagePinnedHistoryItem", history.getActualTypeArguments()[0].getTypeName());

        // The sample parses to the new class and writes back to the same JSON.
        Class<?> events = loader.loadClass("dev.hookgen.cometchat.WebhookEvents");
        String payload = Files.readString(sample);
        Object parsed = events.getMethod("parse", String.class).invoke(null, payload);
        assertEquals(event, parsed.getClass());
        assertEquals("<webhookID>:message_pinned:42:cometchat-uid-1,cometchat-uid-2:1696935103114",
                webhookEvent.getMethod("idempotencyKey").invoke(parsed));
        String written = (String) events.getMethod("toJson", webhookEvent).invoke(null, parsed);
        assertEquals(JSON.readTree(payload), JSON.readTree(written));
        JsonNode key = JSON.readTree(Files.readString(schemas.resolve("triggers/message_pinned.json"))).get("x-hookgen-idempotency-key");
        assertEquals("[\"/webhook\",\"/trigger\",\"/data/message/id\",\"keys(/data/viewers)\",\"/data/pinnedAt\"]", key.toString());
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
