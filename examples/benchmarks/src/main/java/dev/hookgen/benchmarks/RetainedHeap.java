package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.cometchat.WebhookEvents;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * How much heap a parsed body holds, for sizing a receiver's heap: {@code message_sent.json}, then bodies of
 * the largest size the default limits let in (1 MiB) whose extra field {@code x} is an array of the smallest
 * values JSON has, which cost the most objects per byte. Each is read as an event by {@code WebhookEvents.parse}
 * and, as the baseline, as a tree by a plain {@code ObjectMapper} (what a receiver without hookgen would hold).
 *
 * <p>Retained heap, not allocation: 16 copies are parsed and kept, and the heap in use after full collections is
 * compared with the heap before. JMH's gc profiler gives allocation per operation; this gives what stays while a
 * handler works on the event. Run: {@code java -Xmx2g -cp examples/benchmarks/target/benchmarks.jar
 * dev.hookgen.benchmarks.RetainedHeap}.
 */
public final class RetainedHeap {

    private static final int COPIES = 16;

    private static final String[] FILLERS = {"1", "\"\"", "[]", "{}", "{\"a\":{}}"};

    private RetainedHeap() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper plain = new ObjectMapper();
        byte[] sample = Payloads.message_sent.bytes();
        System.out.println("| body | bytes | hookgen event (bytes held per body byte) | plain tree (baseline) |");
        System.out.println("|---|---:|---:|---:|");
        report("`message_sent.json`", sample, plain);
        for (String filler : FILLERS) {
            report("1 MiB, `x` an array of `" + filler + "`", padded(sample, filler, 1024 * 1024), plain);
        }
    }

    private static void report(String name, byte[] body, ObjectMapper plain) throws Exception {
        double event = retained(body, WebhookEvents::parse);
        double tree = retained(body, bytes -> {
            try {
                return plain.readTree(bytes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("| %s | %,d | %,.0f (%.1fx) | %,.0f (%.1fx) |%n", name, body.length, event, event / body.length,
                tree, tree / body.length);
    }

    /** The heap one parsed copy of {@code body} holds, in bytes: the mean over {@value #COPIES} kept copies. */
    private static double retained(byte[] body, Function<byte[], Object> parse) {
        parse.apply(body); // classes loaded, tables warm
        long before = used();
        Object[] kept = new Object[COPIES];
        for (int i = 0; i < COPIES; i++) {
            kept[i] = parse.apply(body);
        }
        long after = used();
        if (kept[COPIES - 1] == null) {
            throw new IllegalStateException("parsed nothing");
        }
        return (after - before) / (double) COPIES;
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** {@code sample} with a first field {@code "x": [filler, filler, ...]} that brings it to about {@code size} bytes. */
    private static byte[] padded(byte[] sample, String filler, int size) {
        String json = new String(sample, StandardCharsets.UTF_8);
        StringBuilder array = new StringBuilder("{\"x\":[");
        int room = size - json.length() - 16;
        while (array.length() + filler.length() + 1 < room) {
            array.append(filler).append(',');
        }
        array.setCharAt(array.length() - 1, ']');
        array.append(',');
        return json.replaceFirst("\\{", array.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
