package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A load generator for a webhook endpoint: posts distinct deliveries (sample bodies, each with a webhook id of its
 * own, so that none is a duplicate) with Basic Auth, and prints one JSON line of what it measured.
 * <ul>
 * <li>{@code max}: {@code clients} connections, each posting as soon as its last answer came (closed loop):
 *     acknowledged deliveries (200) per second, and the latency of each.</li>
 * <li>{@code rate}: {@code rate} requests per second on a fixed schedule (open loop): the latency is counted from
 *     when a request was due, not when it was sent, so that a slow server cannot hide its queue (coordinated omission).</li>
 * </ul>
 * A warm-up of the same kind runs first and is not counted. The line also says how much CPU this client took during
 * the phase ({@code clientCores}: 1.0 is one core busy) and how busy the whole machine was ({@code machineBusy}, 0 to
 * 1 over all its cores, from Linux's {@code /proc/stat}): on a machine shared by the receiver, its database and this
 * client, a p99 measured at {@code machineBusy} near 1 is the wait for a core.
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
        QueuedThreadPool pool = new QueuedThreadPool(threads);
        pool.setName("load");
        pool.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(pool);
        client.setConnectTimeout(5_000);
        client.setMaxConnectionsPerDestination(1024);
        client.setMaxRequestsQueuedPerDestination(1_000_000);
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP client", e);
        }
    }

    /** The next distinct delivery. */
    private Request next() {
        long n = sequence.getAndIncrement();
        byte[][] template = templates.get((int) (n % templates.size()));
        ByteArrayOutputStream body = new ByteArrayOutputStream(template[0].length + template[1].length + 32);
        body.writeBytes(template[0]);
        body.writeBytes(("load-" + run + "-" + n).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(template[1]);
        return client.newRequest(url).method(HttpMethod.POST).timeout(30, TimeUnit.SECONDS)
                .headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization))
                .body(new BytesRequestContent("application/json", body.toByteArray()));
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
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
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
                        status = next().send().getStatus();
                    } catch (ExecutionException | TimeoutException e) {
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
        CountDownLatch answered = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next().send(result -> {
                if (result.isFailed()) {
                    tally.failed(System.nanoTime() - due, result.getFailure());
                } else {
                    tally.add(System.nanoTime() - due, result.getResponse().getStatus());
                }
                answered.countDown();
            });
        }
        answered.await(60, TimeUnit.SECONDS);
        return tally;
    }

    /**
     * The machine's busy and total CPU ticks from Linux's {@code /proc/stat} (busy: all but idle and iowait), or null
     * elsewhere: {@code machineBusy} is the share of all cores that was busy during the phase, this client included.
     */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long ticks = Long.parseLong(fields[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
        WebhookLoad load = new WebhookLoad(url, args[1], args[2], 16);
        boolean max = phase.equals("max");
        if (warmup > 0) {
            if (max) {
                load.closedLoop(amount, warmup);
            } else {
                load.openLoop(amount, warmup);
            }
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] machineBefore = machineTicks();
        long cpuBefore = os.getProcessCpuTime();
        long began = System.nanoTime();
        Tally tally = max ? load.closedLoop(amount, seconds) : load.openLoop(amount, seconds);
        double elapsed = (System.nanoTime() - began) / 1e9;
        double clientCores = (os.getProcessCpuTime() - cpuBefore) / 1e9 / elapsed;
        long[] machineAfter = machineTicks();
        double machineBusy = machineBefore == null || machineAfter == null ? Double.NaN
                : (double) (machineAfter[0] - machineBefore[0]) / (machineAfter[1] - machineBefore[1]);
        System.out.println(String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"phase\":\"%s\",\"%s\":%d,\"seconds\":%.1f,\"acknowledged\":%d,\"perSecond\":%.0f,"
                        + "\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f,\"non200\":%d,\"errors\":%d,"
                        + "\"clientCores\":%.2f,\"machineBusy\":%.2f}",
                label, phase, max ? "clients" : "rate", amount, elapsed, tally.ok, tally.ok / (max ? seconds : elapsed),
                tally.percentileMillis(0.50), tally.percentileMillis(0.99), tally.percentileMillis(1.0), tally.other, tally.errors,
                clientCores, machineBusy));
        tally.failures.forEach((failure, count) -> System.out.println("# failed " + count + "x: " + failure));
        try {
            load.client.stop();
        } catch (Exception e) {
            // the process ends anyway
        }
    }
}
