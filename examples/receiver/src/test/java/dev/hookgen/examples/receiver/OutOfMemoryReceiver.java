package dev.hookgen.examples.receiver;

import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.Credentials;
import dev.hookgen.runtime.receiver.DeadLetters;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link FatalErrorsTest} in a JVM with a small heap and without {@code -XX:+ExitOnOutOfMemoryError}:
 * the receiver's server and fatal-error handling as the command sets them up, with a handler (mode
 * {@code request}) or a thread of its own (mode {@code thread}) that fills the heap.
 */
public final class OutOfMemoryReceiver {

    private OutOfMemoryReceiver() {
    }

    public static void main(String[] args) throws Exception {
        FatalErrors.install(System.err);
        if (args[0].equals("thread")) {
            new Thread(OutOfMemoryReceiver::fillTheHeap, "filler").start();
            Thread.sleep(30_000);
            System.out.println("still alive");
            return;
        }
        Path dir = Path.of(args[1]);
        WebhookReceiver<?> receiver = WebhookReceiver.builder(WebhookEvents.parser())
                .credentials(List.of(new Credentials(TestReceiver.USER, TestReceiver.PASSWORD)))
                .deadLetters(new DeadLetters(dir.resolve("dead")))
                .handler(event -> fillTheHeap())
                .build();
        HttpReceiverServer server = HttpReceiverServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                HttpReceiverServer.DEFAULT_PATH, receiver, ServerLimits.defaults(), System.out::println);
        System.out.println("listening on " + server.endpoint());
        server.awaitStopped();
    }

    private static void fillTheHeap() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]);
        }
    }
}
