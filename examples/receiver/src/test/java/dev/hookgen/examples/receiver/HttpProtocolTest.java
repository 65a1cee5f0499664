package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.WebhookEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/1.1 as clients may send it: chunked bodies with trailers, {@code Expect: 100-continue}. */
class HttpProtocolTest {

    @TempDir
    Path dir;

    private static String chunked(String body, String trailers) {
        int half = body.length() / 2;
        return Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
                + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n"
                + "0\r\n" + trailers + "\r\n";
    }

    @Test
    void aChunkedBodyIsAcceptedWithOrWithoutTrailers() throws Exception {
        String sample = new String(Samples.get("message_sent.json"), StandardCharsets.UTF_8);
        String other = new String(Samples.get("user_blocked.json"), StandardCharsets.UTF_8);
        try (TestReceiver receiver = new TestReceiver(dir); RawClient client = new RawClient(receiver.server.address().getPort())) {
            String head = RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(), "Transfer-Encoding: chunked",
                    "Trailer: X-Checksum, X-Sent-At");
            RawClient.Answer withTrailers = client.send(head + chunked(sample, "X-Checksum: 3f2a\r\nX-Sent-At: 1696934912\r\n")).read();
            assertEquals("HTTP/1.1 200 OK", withTrailers.statusLine());
            assertEquals("accepted\n", withTrailers.body());
            RawClient.Answer without = client.send(RawClient.head("POST", "/webhooks/cometchat", RawClient.authorization(),
                    "Transfer-Encoding: chunked") + chunked(other, "")).read();
            assertEquals("accepted\n", without.body(), "on the same connection");
            List<String> lines = receiver.lines();
            assertEquals(List.of("message_sent", "user_blocked"), lines.stream().map(line -> WebhookEvents.parse(line).getTrigger()).toList());
        }
    }

    @Test
    void expect100ContinueIsAnsweredWith401Or413BeforeAnyBodyIsInvited() throws Exception {
        byte[] sample = Samples.get("message_sent.json");
        try (TestReceiver receiver = new TestReceiver(dir)) {
            int port = receiver.server.address().getPort();
            try (RawClient stranger = new RawClient(port)) {
                RawClient.Answer answer = stranger.send(RawClient.head("POST", "/webhooks/cometchat", "Expect: 100-continue",
                        "Authorization: " + TestReceiver.basic(TestReceiver.USER, "guess"), "Content-Length: " + sample.length)).read();
                assertEquals("HTTP/1.1 401 Unauthorized", answer.statusLine(), "not 100 Continue");
                assertEquals("Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\"", answer.headers().get("www-authenticate"));
            }
            try (RawClient tooLarge = new RawClient(port)) {
                RawClient.Answer answer = tooLarge.send(RawClient.head("POST", "/webhooks/cometchat", "Expect: 100-continue",
                        RawClient.authorization(), "Content-Length: " + (2 << 20))).read();
                assertEquals("HTTP/1.1 413 Payload Too Large", answer.statusLine());
            }
            try (RawClient cometchat = new RawClient(port)) {
                RawClient.Answer interim = cometchat.send(RawClient.head("POST", "/webhooks/cometchat", "Expect: 100-continue",
                        RawClient.authorization(), "Content-Length: " + sample.length)).read();
                assertEquals("HTTP/1.1 100 Continue", interim.statusLine());
                RawClient.Answer answer = cometchat.send(sample).read();
                assertEquals("HTTP/1.1 200 OK", answer.statusLine());
                assertEquals("accepted\n", answer.body());
            }
            assertEquals(1, receiver.lines().size());
            receiver.assertLog(".* status=401 .*", ".* status=413 .*", ".* status=200 .*");
        }
    }
}
