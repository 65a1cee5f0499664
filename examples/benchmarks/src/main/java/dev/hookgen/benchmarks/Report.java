package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result ({@code -rf json}) into the Markdown tables of BENCHMARKS.md: ratios of figures measured
 * in the same run, with the absolute figures and their 99.9% error bars beside them, and each target marked.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.hookgen.benchmarks.Report target/jmh-result.json}
 */
public final class Report {

    private static final String PACKAGE = "dev.hookgen.benchmarks.";
    private static final String[] PAYLOADS = {
        "message_sent", "message_sent_trigger_last", "moderation_engine_blocked", "message_delivery_receipt"};

    /** score and error, keyed by "Class.method" plus the sorted parameter values ("Class.method message_sent"). */
    private final Map<String, Figure> time = new LinkedHashMap<>();
    private final Map<String, Figure> alloc = new LinkedHashMap<>();
    private final PrintStream out;

    record Figure(double score, double error) {
        /** a / b, the error from both relative errors. */
        Figure over(Figure b) {
            double ratio = score / b.score;
            double relative = Math.sqrt(Math.pow(rel(), 2) + Math.pow(b.rel(), 2));
            return new Figure(ratio, ratio * relative);
        }

        private double rel() {
            return Double.isNaN(error) || score == 0 ? 0 : error / score;
        }
    }

    private Report(JsonNode results, PrintStream out) {
        this.out = out;
        for (JsonNode result : results) {
            StringBuilder key = new StringBuilder(result.get("benchmark").asText().replace(PACKAGE, ""));
            List<String> params = new ArrayList<>();
            result.path("params").properties().forEach(p -> params.add(p.getKey() + "=" + p.getValue().asText()));
            params.sort(null);
            params.forEach(p -> key.append(' ').append(p));
            time.put(key.toString(), figure(result.get("primaryMetric")));
            JsonNode norm = result.path("secondaryMetrics").get("gc.alloc.rate.norm");
            if (norm != null) {
                alloc.put(key.toString(), figure(norm));
            }
        }
    }

    private static Figure figure(JsonNode metric) {
        return new Figure(metric.get("score").asDouble(), metric.path("scoreError").asDouble(Double.NaN));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        new Report(results, System.out).print();
    }

    private void print() {
        parse();
        settings();
        dispatch();
        roundTrip();
        generate();
    }

    private void parse() {
        if (!time.containsKey("ParseBenchmark.hookgen payload=message_sent")) {
            return;
        }
        out.println("### Parsing (ns/op, B/op; ratio = hookgen / baseline unless noted)");
        out.println();
        out.println("| payload | bytes | hookgen | oracle | hookgen / oracle | oracle, hookgen's settings | hookgen / that"
                + " | readTree + treeToValue | tree / hookgen | token scan (floor) | hookgen / floor"
                + " | hookgen B/op | oracle B/op | B/op hookgen / oracle | oracle, hookgen's settings B/op |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String payload : PAYLOADS) {
            String p = " payload=" + payload;
            Figure hookgen = time.get("ParseBenchmark.hookgen" + p);
            Figure oracle = time.get("ParseBenchmark.oracle" + p);
            Figure strict = time.get("ParseBenchmark.oracleStrict" + p);
            Figure tree = time.get("ParseBenchmark.treeThenConvert" + p);
            Figure floor = time.get("ParseBenchmark.tokenScan" + p);
            Figure hookgenAlloc = alloc.get("ParseBenchmark.hookgen" + p);
            Figure oracleAlloc = alloc.get("ParseBenchmark.oracle" + p);
            if (hookgen == null || oracle == null || tree == null || floor == null) {
                continue;
            }
            double target = payload.endsWith("trigger_last") ? 1.4 : 1.1;
            out.printf("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    payload, Payloads.valueOf(payload).bytes().length,
                    ns(hookgen), ns(oracle), ratio(hookgen.over(oracle), target, true),
                    ns(strict), strict == null ? "" : ratio(hookgen.over(strict), target, true),
                    ns(tree), ratio(tree.over(hookgen), 2.0, false),
                    ns(floor), ratio(hookgen.over(floor), Double.NaN, true),
                    bytes(hookgenAlloc), bytes(oracleAlloc), ratio(hookgenAlloc == null ? null : hookgenAlloc.over(oracleAlloc), 1.2, true),
                    bytes(alloc.get("ParseBenchmark.oracleStrict" + p)));
        }
        out.println();
    }

    private void settings() {
        List<String> keys = time.keySet().stream().filter(k -> k.startsWith("ParserSettingsBenchmark.parse ")).toList();
        if (keys.isEmpty()) {
            return;
        }
        out.println("### What the parsing contract costs (reader for WebhookEvent; ratio to `plain` on the same payload)");
        out.println();
        out.println("| payload | settings | ns/op | / plain | B/op | B/op / plain |");
        out.println("|---|---|---:|---:|---:|---:|");
        for (String payload : PAYLOADS) {
            String plainKey = "ParserSettingsBenchmark.parse payload=" + payload + " settings=plain";
            Figure plain = time.get(plainKey);
            if (plain == null) {
                continue;
            }
            for (ParserSettings settings : ParserSettings.values()) {
                String key = "ParserSettingsBenchmark.parse payload=" + payload + " settings=" + settings;
                Figure t = time.get(key);
                if (t == null) {
                    continue;
                }
                Figure a = alloc.get(key);
                out.printf("| %s | %s | %s | %s | %s | %s |%n", payload, settings, ns(t),
                        ratio(t.over(plain), Double.NaN, true), bytes(a),
                        a == null ? "" : ratio(a.over(alloc.get(plainKey)), Double.NaN, true));
            }
        }
        out.println();
    }

    private void dispatch() {
        List<String> keys = time.keySet().stream().filter(k -> k.startsWith("DispatchBenchmark.parseOnly ")).toList();
        if (keys.isEmpty()) {
            return;
        }
        out.println("### Parse and dispatch (ns/op; ratio to parse alone)");
        out.println();
        out.println("| payload | parse only | parse + WebhookHandler | / parse | parse + builder lambdas | / parse |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (String key : keys) {
            String p = key.substring(key.indexOf(' '));
            Figure only = time.get(key);
            Figure handler = time.get("DispatchBenchmark.parseAndHandle" + p);
            Figure lambdas = time.get("DispatchBenchmark.parseAndDispatchLambdas" + p);
            out.printf("| %s | %s | %s | %s | %s | %s |%n", p.substring(p.indexOf('=') + 1), ns(only),
                    ns(handler), ratio(handler.over(only), Double.NaN, true),
                    ns(lambdas), ratio(lambdas.over(only), Double.NaN, true));
        }
        out.println();
    }

    private void roundTrip() {
        List<String> keys = time.keySet().stream().filter(k -> k.startsWith("RoundTripBenchmark.toJson ")).toList();
        if (keys.isEmpty()) {
            return;
        }
        out.println("### The round trip (ns/op, B/op)");
        out.println();
        out.println("| payload | toJson | plain ObjectMapper writer | toJson / plain | toJson B/op | parse + toJson |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (String key : keys) {
            String p = key.substring(key.indexOf(' '));
            Figure toJson = time.get(key);
            Figure plain = time.get("RoundTripBenchmark.plainWriter" + p);
            out.printf("| %s | %s | %s | %s | %s | %s |%n", p.substring(p.indexOf('=') + 1), ns(toJson), ns(plain),
                    ratio(toJson.over(plain), Double.NaN, true), bytes(alloc.get(key)),
                    ns(time.get("RoundTripBenchmark.parseThenToJson" + p)));
        }
        out.println();
    }

    private void generate() {
        List<String> keys = time.keySet().stream().filter(k -> k.startsWith("GenerateBenchmark.generate ")).toList();
        if (keys.isEmpty()) {
            return;
        }
        out.println("### Generation (ms/op)");
        out.println();
        out.println("| triggers | generate | ms per trigger | ms per added trigger (from the row above) | up-to-date check (plugin, nothing changed) |");
        out.println("|---:|---:|---:|---:|---:|");
        int previousTriggers = 0;
        Figure previous = null;
        for (String key : keys) {
            int triggers = Integer.parseInt(key.substring(key.indexOf('=') + 1));
            Figure generate = time.get(key);
            String marginal = previous == null ? "" : String.format(Locale.ROOT, "%.2f",
                    (generate.score() - previous.score()) / (triggers - previousTriggers));
            out.printf("| %d | %s | %.2f | %s | %s |%n", triggers, ms(generate), generate.score() / triggers, marginal,
                    ms(time.get("GenerateBenchmark.upToDate triggers=" + triggers)));
            previous = generate;
            previousTriggers = triggers;
        }
        out.println();
    }

    private static String ns(Figure f) {
        return f == null ? "" : String.format(Locale.ROOT, "%,.0f ± %,.0f", f.score(), f.error());
    }

    private static String ms(Figure f) {
        return f == null ? "" : String.format(Locale.ROOT, "%,.1f ± %,.1f", f.score(), f.error());
    }

    private static String bytes(Figure f) {
        return f == null ? "" : String.format(Locale.ROOT, "%,.0f", f.score());
    }

    /** A ratio with its error; with a target, marked met or missed (at most the target, or at least it). */
    private static String ratio(Figure r, double target, boolean atMost) {
        if (r == null) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.2f ± %.2f", r.score(), r.error());
        if (Double.isNaN(target)) {
            return text;
        }
        boolean met = atMost ? r.score() <= target : r.score() >= target;
        return text + (met ? " ✓" : " ✗") + String.format(Locale.ROOT, " (%s %.1f)", atMost ? "≤" : "≥", target);
    }
}
