package dev.hookgen.runtime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.hookgen.runtime.catalog.TestEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random bodies, some with a repeated key somewhere (spelt alike or once escaped, in objects of any size and depth,
 * beside empty objects, in arrays, in a payload whose trigger comes late or is unknown), some broken: the strict
 * parser of bytes against {@link DuplicateKeyGuard} around Jackson's own parser of bytes, moved by a random mix of
 * every way a caller advances a parser; and {@link EventReader#parse(byte[])} against {@link EventReader#parse(String)}.
 * Each also against the body's own answer: rejected as a repeated key if and only if it repeats one. For a longer run:
 * {@code -Dseed=... -Dbodies=...}.
 */
class DuplicateKeyDifferentialTest {

    private static final JsonFactory STRICT = new StrictJsonFactory(new JsonFactoryBuilder());

    private static final JsonFactory PLAIN = new JsonFactory();

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    private static final long SEED = Long.getLong("seed", 20261130L);

    private static final int BODIES = Integer.getInteger("bodies", 3000);

    /** Key spellings and the key each one reads as; "Aa" and "BB" share a String hash. */
    private static final String[][] KEYS = {
        {"trigger", "trigger"}, {"data", "data"}, {"id", "id"}, {"at", "at"}, {"score", "score"}, {"tags", "tags"},
        {"subject", "subject"}, {"kind", "kind"}, {"uid", "uid"}, {"appId", "appId"}, {"a", "a"}, {"\\u0061", "a"},
        {"Aa", "Aa"}, {"BB", "BB"}, {"t\\u0072igger", "trigger"}, {"", ""}, {"\\\"", "\""}, {"é", "é"}, {"\\u00e9", "é"},
    };

    /** A random body, and whether some object in it repeats a key. */
    private record Body(String json, boolean repeats) {}

    private static final class Generator {
        private final Random random;
        private boolean repeats;

        Generator(Random random) {
            this.random = random;
        }

        Body body() {
            repeats = false;
            StringBuilder json = new StringBuilder();
            object(json, 0, true, null);
            return new Body(json.toString(), repeats);
        }

        /** An object, with {@code required} (a key and its value) at a random place if not null. */
        private void object(StringBuilder json, int depth, boolean root, String[] required) {
            int size = random.nextInt(10) == 0 ? 17 + random.nextInt(8) : random.nextInt(root ? 7 : 4);
            boolean repeat = random.nextInt(4) == 0;
            List<String[]> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < size; i++) {
                String[] key = size > KEYS.length || random.nextBoolean()
                        ? new String[] {"k" + random.nextInt(size > 16 ? 40 : 6), null}
                        : KEYS[random.nextInt(KEYS.length)];
                String name = key[1] == null ? key[0] : key[1];
                if (!repeat && seen.contains(name)) {
                    continue;
                }
                repeats |= !seen.add(name);
                entries.add(key);
            }
            if (root && random.nextInt(3) > 0) {
                required = new String[] {"trigger", random.nextInt(3) == 0 ? "\"other\"" : "\"ping\""};
            }
            if (required != null) {
                entries.add(random.nextInt(entries.size() + 1), required);
                repeats |= !seen.add(required[0]);
            }
            json.append('{');
            String comma = "";
            for (String[] entry : entries) {
                json.append(comma).append(ws()).append('"').append(entry[0]).append('"').append(ws()).append(':').append(ws());
                if (entry == required) {
                    json.append(entry[1]);
                } else {
                    value(json, depth + 1, entry[0]);
                }
                comma = ",";
            }
            json.append(ws()).append('}');
        }

        private void value(StringBuilder json, int depth, String key) {
            if ((key.equals("data") || key.equals("subject")) && random.nextInt(4) > 0) {
                object(json, depth, false, key.equals("data") ? new String[] {"id", "\"p-1\""} : new String[] {"kind", "\"user\""});
                return;
            }
            int pick = random.nextInt(depth > 6 ? 6 : 10);
            switch (pick) {
                case 0 -> json.append('"').append(key.equals("kind") ? "user" : random.nextBoolean() ? "ping" : "p-1").append('"');
                case 1 -> json.append(random.nextBoolean() ? "1696934912" : "0.50");
                case 2 -> json.append(random.nextBoolean() ? "true" : "null");
                case 3 -> json.append("\"\"");
                case 4 -> json.append(random.nextInt(3) == 0 ? "{}" : "[]");
                case 5 -> json.append('"').append(key).append('"');
                case 6, 7 -> object(json, depth, false, null);
                default -> {
                    json.append('[');
                    int items = random.nextInt(4);
                    for (int i = 0; i < items; i++) {
                        json.append(i == 0 ? "" : ",");
                        if (random.nextBoolean()) {
                            object(json, depth + 1, false, null);
                        } else {
                            value(json, depth + 1, key);
                        }
                    }
                    json.append(']');
                }
            }
        }

        private String ws() {
            return random.nextInt(8) == 0 ? " \n" : "";
        }
    }

    /** A body broken at random: cut short, a byte changed, or something after it. */
    private static String broken(Random random, String json) {
        return switch (random.nextInt(3)) {
            case 0 -> json.substring(0, random.nextInt(json.length()));
            case 1 -> {
                int at = random.nextInt(json.length());
                String noise = "{}[],:\"\\x1 ";
                yield json.substring(0, at) + noise.charAt(random.nextInt(noise.length())) + json.substring(at + 1);
            }
            default -> json + (random.nextBoolean() ? " {}" : "}");
        };
    }

    /** Each step moves the parser one of the ways databind and Jackson do, picked at random. */
    private static String step(JsonParser parser, int way) throws IOException {
        return switch (way) {
            case 0 -> String.valueOf(parser.nextToken());
            case 1 -> String.valueOf(parser.nextValue());
            case 2 -> String.valueOf(parser.nextFieldName());
            case 3 -> String.valueOf(parser.nextFieldName(new SerializedString("a")));
            case 4 -> String.valueOf(parser.nextFieldName(new SerializedString("trigger")));
            case 5 -> String.valueOf(parser.nextTextValue());
            case 6 -> String.valueOf(parser.nextIntValue(-1));
            case 7 -> String.valueOf(parser.nextLongValue(-1));
            case 8 -> String.valueOf(parser.nextBooleanValue());
            default -> {
                parser.nextToken();
                yield "skip:" + parser.currentToken() + parser.skipChildren().currentToken();
            }
        };
    }

    /** The tokens and names the walk saw, then how it ended. */
    private static List<String> walk(JsonParser parser, long seed) {
        Random ways = new Random(seed);
        List<String> trace = new ArrayList<>();
        try (parser) {
            while (!parser.isClosed() && trace.size() < 10_000) {
                trace.add(step(parser, ways.nextInt(10)) + " " + parser.currentToken() + " " + parser.currentName());
            }
            trace.add("end");
        } catch (JsonParseException e) {
            trace.add(e.getClass().getName() + ": " + e.getOriginalMessage() + " at " + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + " @" + e.getLocation().getByteOffset());
        } catch (IOException | RuntimeException e) {
            trace.add(e.toString());
        }
        return trace;
    }

    @Test
    void theStrictParserOfBytesMovesAndFailsAsTheGuardAroundJacksonsParser() throws IOException {
        Random random = new Random(SEED);
        Generator generator = new Generator(random);
        for (int i = 0; i < BODIES; i++) {
            Body body = generator.body();
            String json = random.nextInt(4) == 0 ? broken(random, body.json()) : body.json();
            byte[] bytes = ((random.nextInt(5) == 0 ? "\uFEFF" : "") + json).getBytes(UTF_8);
            long seed = random.nextLong();
            List<String> guard = walk(new DuplicateKeyGuard(PLAIN.createParser(bytes)), seed);
            List<String> strict = walk(STRICT.createParser(bytes), seed);
            if (!json.isEmpty()) { // a byte order mark alone Jackson does not skip, the strict parser does
                assertEquals(guard, strict, json);
            }
            String end = strict.get(strict.size() - 1);
            if (json.equals(body.json())) {
                assertEquals(body.repeats(), end.contains("Duplicate field"), json + " -> " + end);
                assertTrue(body.repeats() || end.equals("end"), json + " -> " + end);
            }
        }
    }

    @Test
    void bytesAndTextOfTheSameBodyParseAlike() {
        Random random = new Random(SEED + 1);
        Generator generator = new Generator(random);
        for (int i = 0; i < BODIES; i++) {
            Body body = generator.body();
            boolean whole = random.nextInt(4) > 0;
            String json = (random.nextInt(5) == 0 ? "\uFEFF" : "") + (whole ? body.json() : broken(random, body.json()));
            String fromBytes = outcome(() -> READER.parse(json.getBytes(UTF_8)));
            String fromText = outcome(() -> READER.parse(json));
            if (!whole) {
                // Jackson's parsers of bytes and of text word some syntax errors differently
                assertEquals(fromText.replaceAll(" .*", ""), fromBytes.replaceAll(" .*", ""), json);
            } else if (json.chars().allMatch(c -> c < 0x80)) {
                assertEquals(fromText, fromBytes, json);
            } else {
                // columns count bytes in one (a byte order mark's three too), characters in the other (after the mark)
                assertEquals(fromText.replaceAll(" at .*", ""), fromBytes.replaceAll(" at .*", ""), json);
            }
            assertTrue(!fromBytes.startsWith("escaped") && !fromText.startsWith("escaped"), json + " -> " + fromBytes + " / " + fromText);
            if (whole) {
                assertEquals(body.repeats(), fromBytes.startsWith("NOT_JSON not valid JSON: Duplicate field"), json + " -> " + fromBytes);
            }
        }
    }

    private static String outcome(Supplier<TestEvent> parse) {
        try {
            TestEvent event = parse.get();
            return "parsed " + event.getClass().getSimpleName() + " " + READER.toJson(event);
        } catch (WebhookParseException e) {
            return e.kind() + " " + e.problem() + " at " + e.location().orElse("-");
        } catch (RuntimeException e) {
            return "escaped " + e;
        }
    }
}
