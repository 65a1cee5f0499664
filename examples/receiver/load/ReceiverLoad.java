import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load runs against a receiver on this machine, for the figures in examples/receiver/README.md. A single-file
 * program (no build, no dependencies):
 *
 * <pre>
 * java examples/receiver/load/ReceiverLoad.java slow URL USER PASSWORD [CONNECTIONS] [DELIVERIES]
 * java examples/receiver/load/ReceiverLoad.java load URL USER PASSWORD [THREADS] [EVENTS_PER_THREAD]
 * </pre>
 *
 * {@code slow}: opens CONNECTIONS (64) unauthenticated connections to the receiver, half sending a request head
 * and half a body one byte every 100 ms, and while they trickle, times DELIVERIES (10) authenticated deliveries of
 * {@code schemas/samples/message_sent.json} (a new message id each), one after the other, each with a 10 s
 * timeout. {@code load}: THREADS (8) clients post EVENTS_PER_THREAD (500) distinct events each, as fast as they
 * are answered. Only loopback addresses are accepted; every loop is bounded.
 */
public final class ReceiverLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReceiverLoad slow|load URL USER PASSWORD [N] [M]");
            System.exit(2);
        }
        URI url = URI.create(args[1]);
        if (!url.getHost().equals("127.0.0.1") && !url.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        String authorization = "Basic " + Base64.getEncoder().encodeToString((args[2] + ":" + args[3]).getBytes(StandardCharsets.UTF_8));
        String sample = Files.readString(Path.of("schemas/samples/message_sent.json"));
        if (args[0].equals("slow")) {
            slow(url, authorization, sample, count(args, 4, 64), count(args, 5, 10));
        } else {
            load(url, authorization, sample, count(args, 4, 8), count(args, 5, 500));
        }
    }

    private static int count(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    private static String event(String sample, String id) {
        String withId = sample.replaceFirst("\"id\": \"[^\"]*\"", "\"id\": \"" + id + "\"");
        if (withId.equals(sample)) {
            throw new IllegalStateException("the sample has no message id to vary");
        }
        return withId;
    }

    private static void slow(URI url, String authorization, String sample, int connections, int deliveries) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<byte[]> texts = new ArrayList<>();
        int port = url.getPort();
        int opened = 0;
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(url.getHost(), port), 2_000);
                opened++;
            } catch (IOException refused) {
                continue;
            }
            sockets.add(socket);
            String head = "POST " + url.getPath() + " HTTP/1.1\r\nHost: localhost\r\n";
            if (i % 2 == 0) {
                texts.add((head + "X-Slow: " + "a".repeat(8000)).getBytes(StandardCharsets.US_ASCII));
            } else {
                socket.getOutputStream().write((head + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                texts.add("{".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
            }
        }
        long[] sent = new long[1];
        Thread trickle = new Thread(() -> {
            for (int step = 0; step < 600 && !Thread.currentThread().isInterrupted(); step++) { // at most a minute
                for (int c = 0; c < sockets.size(); c++) {
                    try {
                        OutputStream out = sockets.get(c).getOutputStream();
                        out.write(texts.get(c)[step % texts.get(c).length]);
                        out.flush();
                        sent[0]++;
                    } catch (IOException closedByTheServer) {
                        // counted below
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        trickle.setDaemon(true);
        trickle.start();
        Thread.sleep(1_000);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> results = new ArrayList<>();
        long worst = 0;
        int answered = 0;
        for (int i = 0; i < deliveries; i++) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(event(sample, "slow-run-" + System.nanoTime()))).build();
            long began = System.nanoTime();
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                worst = Math.max(worst, millis);
                answered += status == 200 ? 1 : 0;
                results.add(status + " in " + millis + " ms");
            } catch (IOException timedOut) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                worst = Math.max(worst, millis);
                results.add(timedOut.getClass().getSimpleName() + " after " + millis + " ms");
            }
        }
        trickle.interrupt();
        long stillOpen = sockets.stream().filter(socket -> !socket.isClosed()).count();
        for (Socket socket : sockets) {
            socket.close();
        }
        System.out.printf("slow connections opened: %d of %d; deliveries answered 200: %d of %d; slowest %d ms%n",
                opened, connections, answered, deliveries, worst);
        System.out.println("each delivery: " + results);
        System.out.println("(sockets still open client-side at the end: " + stillOpen + ")");
    }

    private static void load(URI url, String authorization, String sample, int threads, int perThread) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String run = Long.toString(System.nanoTime());
        List<Future<Map<Integer, Integer>>> results = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (int i = 0; i < perThread; i++) {
                    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Authorization", authorization)
                            .POST(HttpRequest.BodyPublishers.ofString(event(sample, run + "-" + thread + "-" + i))).build();
                    statuses.merge(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
                }
                return statuses;
            }));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<Map<Integer, Integer>> result : results) {
            result.get(10, TimeUnit.MINUTES).forEach((status, n) -> statuses.merge(status, n, Integer::sum));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        pool.shutdown();
        System.out.printf("%d events from %d threads in %d ms (%.0f events/s); statuses %s%n",
                threads * perThread, threads, millis, threads * perThread * 1000.0 / millis, statuses);
    }
}
