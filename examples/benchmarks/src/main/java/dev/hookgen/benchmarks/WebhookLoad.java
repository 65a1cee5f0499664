package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load generator for a webhook endpoint: posts distinct deliveries (sample bodies, each with a webhook id of its
 * own, so that none is a duplicate) with Basic Auth, and prints one JSON line of what it measured.
 * <ul>
 * <li>{@code max}: {@code clients} connections, each posting as soon as its last answer came (closed loop):
 *     acknowledged deliveries (200) per second, and the latency of each.</li>
 * <li>{@code rate}: {@code rate} requests per second on a fixed schedule (open loop): the latency is counted from
 *     when a request was due, not when it was sent, so that a slow server cannot hide its queue (coordinated omission).</li>
 * </ul>
 * A warm-up of the same kind runs first and is not counted.
 *
 * <pre>java -cp benchmarks.jar dev.hookgen.benchmarks.WebhookLoad URL USER PASSWORD LABEL max|rate CLIENTS|RATE SECONDS [WARMUP_SECONDS]</pre>
 */
public final class WebhookLoad {

    /** A mix of triggers, small and large bodies. */
    private static final List<String> SAMPLES = List.of("message_sent", "message_delivery_receipt", "group_member_joined",
            "user_mentioned", "call_ended", "moderation_engine_blocked", "message_reaction_added", "message_read_receipt");

    private final URI url;

    private final String authorization;

    private final List<byte[][]> templates = new ArrayList<>();

    private final HttpClient client;

    private final String run = Long.toString(System.nanoTime(), 36);

    private final AtomicLong sequence = new AtomicLong();

    private WebhookLoad(URI url, String user, String password, int threads) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        ObjectMapper json = new ObjectMapper();
        for (String sample : SAMPLES) {
            try {
                ObjectNode event = (ObjectNode) json.readTree(SchemaResources.read("samples/" + sample + ".json"));
                event.put("webhook", "\u0000");
                String text = json.writeValueAsString(event);
                int mark = text.indexOf("\\u0000");
                templates.add(new byte[][] {text.substring(0, mark).getBytes(StandardCharsets.UTF_8),
                    text.substring(mark + 6).getBytes(StandardCharsets.UTF_8)});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "load");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The next distinct delivery. */
    private HttpRequest next() {
        long n = sequence.getAndIncrement();
        byte[][] template = templates.get((int) (n % templates.size()));
        ByteArrayOutputStream body = new ByteArrayOutputStream(template[0].length + template[1].length + 32);
        body.writeBytes(template[0]);
        body.writeBytes(("load-" + run + "-" + n).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(template[1]);
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    /** What one phase measured. */
    private static final class Tally {
        final long[] latencies;
        int count;
        long ok;
        long other;
        long errors;
        /** Why requests failed, by exception (class and message), so that an error count says something. */
        final Map<String, Integer> failures = new TreeMap<>();

        Tally(int capacity) {
            latencies = new long[capacity];
        }

        synchronized void failed(long nanos, Throwable failure) {
            add(nanos, -1);
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            failures.merge(cause.getClass().getSimpleName() + ": " + cause.getMessage(), 1, Integer::sum);
        }

        synchronized void add(long nanos, int status) {
            if (status == 200) {
                ok++;
                if (count < latencies.length) {
                    latencies[count++] = nanos;
                }
            } else if (status < 0) {
                errors++;
            } else {
                other++;
            }
        }

        synchronized double percentileMillis(double p) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p * count) - 1)] / 1e6;
        }
    }

    private Tally closedLoop(int clients, double seconds) throws InterruptedException {
        Tally tally = new Tally(2_000_000);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = client.send(next(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        tally.failed(System.nanoTime() - start, e);
                        continue;
                    } catch (InterruptedException e) {
                        return;
                    }
                    tally.add(System.nanoTime() - start, status);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return tally;
    }

    private Tally openLoop(int rate, double seconds) throws InterruptedException {
        int total = (int) (rate * seconds);
        Tally tally = new Tally(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<CompletableFuture<Void>> sent = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(client.sendAsync(next(), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        if (failure == null) {
                            tally.add(System.nanoTime() - due, response.statusCode());
                        } else {
                            tally.failed(System.nanoTime() - due, failure);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
        return tally;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 7) {
            System.err.println("usage: WebhookLoad URL USER PASSWORD LABEL max|rate CLIENTS|RATE SECONDS [WARMUP_SECONDS]");
            System.exit(2);
        }
        URI url = URI.create(args[0]);
        String label = args[3];
        String phase = args[4];
        int amount = Integer.parseInt(args[5]);
        double seconds = Double.parseDouble(args[6]);
        double warmup = args.length > 7 ? Double.parseDouble(args[7]) : 3;
        WebhookLoad load = new WebhookLoad(url, args[1], args[2], phase.equals("max") ? 4 : 8);
        boolean max = phase.equals("max");
        if (warmup > 0) {
            if (max) {
                load.closedLoop(amount, warmup);
            } else {
                load.openLoop(amount, warmup);
            }
        }
        long began = System.nanoTime();
        Tally tally = max ? load.closedLoop(amount, seconds) : load.openLoop(amount, seconds);
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.println(String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"phase\":\"%s\",\"%s\":%d,\"seconds\":%.1f,\"acknowledged\":%d,\"perSecond\":%.0f,"
                        + "\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"non200\":%d,\"errors\":%d}",
                label, phase, max ? "clients" : "rate", amount, elapsed, tally.ok, tally.ok / (max ? seconds : elapsed),
                tally.percentileMillis(0.50), tally.percentileMillis(0.99), tally.percentileMillis(1.0), tally.other, tally.errors));
        tally.failures.forEach((failure, count) -> System.out.println("# failed " + count + "x: " + failure));
    }
}
