package dev.hookgen.generator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The README's pom for a project of one's own ("Generating from your own schemas") is what the plugin's
 * integration tests build: every {@code src/it/<project>/pom.xml}, from its {@code project} element on, is the README's
 * pom with the versions as invoker tokens ({@code @project.version@}, {@code @junit.version@},
 * {@code @maven-compiler-plugin.version@}, ...), and those tokens take the parent pom's values. A newcomer who
 * copies the snippet gets the build the tests run, at the versions this repository pins.
 */
class ReadmePomTest {

    private static final Pattern TOKEN = Pattern.compile("@([A-Za-z0-9.-]+)@");

    private static String readmePom() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Generating from your own schemas\n");
        assertTrue(start >= 0, "the README has the section");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the section has a pom");
        return block.group(1);
    }

    /** The parent pom's properties and its version as {@code project.version}. */
    private static Map<String, String> parentValues() throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("../pom.xml").toFile()).getDocumentElement();
        Map<String, String> values = new HashMap<>();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("version")) {
                values.put("project.version", element.getTextContent().strip());
            }
            if (child instanceof Element element && element.getTagName().equals("properties")) {
                for (Node property = element.getFirstChild(); property != null; property = property.getNextSibling()) {
                    if (property instanceof Element p) {
                        values.put(p.getTagName(), p.getTextContent().strip());
                    }
                }
            }
        }
        return values;
    }

    @Test
    void everyIntegrationTestBuildsTheReadmesPomAtTheParentsVersions() throws Exception {
        String readme = readmePom();
        Map<String, String> values = parentValues();
        List<Path> poms;
        try (Stream<Path> projects = Files.list(Path.of("src/it"))) {
            poms = projects.map(p -> p.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(poms.isEmpty(), "src/it has projects");
        for (Path pom : poms) {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            String project = text.substring(text.indexOf("<project xmlns"));
            Matcher token = TOKEN.matcher(project);
            StringBuilder filtered = new StringBuilder();
            while (token.find()) {
                String value = values.get(token.group(1));
                assertTrue(value != null, pom + ": the parent pom has no " + token.group(1));
                token.appendReplacement(filtered, Matcher.quoteReplacement(value));
            }
            token.appendTail(filtered);
            assertEquals(readme, filtered.toString(), pom + " is the README's pom (after its tokens)");
        }
    }

    @Test
    void theReadmesPomPinsEveryPluginAndTheRelease() throws IOException {
        String readme = readmePom();
        assertTrue(readme.contains("<maven.compiler.release>17</maven.compiler.release>"), readme);
        for (String plugin : List.of("clean", "resources", "compiler", "surefire", "jar", "install")) {
            assertTrue(Pattern.compile("<artifactId>maven-" + plugin + "-plugin</artifactId>\\s*<version>[0-9.]+</version>").matcher(readme).find(),
                    "maven-" + plugin + "-plugin is pinned");
        }
    }
}
