package dev.hookgen.cometchat;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hookgen.runtime.CollidingKeys;
import dev.hookgen.runtime.WebhookParseException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link HashFloodTest}: after warming up on the samples, floods the jar's shared parser ({@link WebhookEvents#parse}) with
 * bodies whose field names collide in Jackson's symbol tables, from bytes and from text, up to the document limit;
 * after each, every sample and bodies with new field names must still parse. Prints one line per problem and the
 * CPU milliseconds of each hostile body; exits 1 if anything failed.
 */
public final class HashFlood {

    private HashFlood() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> problems = new ArrayList<>();
        // a service that has been receiving: the parser is loaded and compiled, as it is when an attack comes
        for (int warm = 0; warm < 20; warm++) {
            Samples.names().forEach(sample -> WebhookEvents.parse(Samples.bytes(sample)));
        }
        List<String> hostile = List.of(
                CollidingKeys.body("message_sent", CollidingKeys.forBytes(8_192)),
                CollidingKeys.body("message_sent", CollidingKeys.forBytes(19_000)),
                CollidingKeys.body("message_sent", CollidingKeys.forText(13)),
                CollidingKeys.body("message_sent", CollidingKeys.forText(14)));
        for (int round = 0; round < 3; round++) {
            for (int h = 0; h < hostile.size(); h++) {
                boolean asBytes = h < 2;
                long cpu = threads.getCurrentThreadCpuTime();
                try {
                    if (asBytes) {
                        WebhookEvents.parse(hostile.get(h).getBytes(UTF_8));
                    } else {
                        WebhookEvents.parse(hostile.get(h));
                    }
                    problems.add("hostile body " + h + " was accepted");
                } catch (WebhookParseException expected) {
                    if (expected.kind() != WebhookParseException.Kind.LIMIT_EXCEEDED) {
                        problems.add("hostile body " + h + ": " + expected.kind() + " " + expected.getMessage());
                    }
                }
                System.out.println("cpu-ms " + (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
                for (String sample : Samples.names()) {
                    byte[] bytes = Samples.bytes(sample);
                    check(problems, sample, () -> WebhookEvents.parse(bytes));
                    check(problems, sample + " as text", () -> WebhookEvents.parse(new String(bytes, UTF_8)));
                }
                for (int i = 0; i < 100; i++) {
                    String body = new String(Samples.bytes("message_sent.json"), UTF_8)
                            .replaceFirst("\\{", "{\"new_" + round + "_" + h + "_" + i + "\":{\"n" + i + "\":1},");
                    check(problems, "new names " + i, () -> WebhookEvents.parse(body.getBytes(UTF_8)));
                    check(problems, "new names as text " + i, () -> WebhookEvents.parse(body));
                }
            }
        }
        problems.forEach(problem -> System.out.println("problem " + problem));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static void check(List<String> problems, String what, Runnable parse) {
        try {
            parse.run();
        } catch (RuntimeException e) {
            problems.add(what + ": " + e);
        }
    }
}
