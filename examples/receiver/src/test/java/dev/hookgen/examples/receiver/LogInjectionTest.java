package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a client sends reaches the log raw: every value from the request is escaped and capped (see
 * {@code Logfmt}), over real HTTP, for the trigger, the method and the path.
 */
class LogInjectionTest {

    /** When the line was written: ISO 8601 in UTC, to the millisecond, always three digits of them, as the README shows. */
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @TempDir
    Path dir;

    private static HttpResponse<String> postTrigger(TestReceiver receiver, String jsonTrigger) throws Exception {
        String body = "{\"trigger\":\"" + jsonTrigger + "\",\"webhook\":\"w\",\"data\":{\"id\":\"" + jsonTrigger.hashCode() + "\"}}";
        return receiver.send(receiver.post(body.getBytes(StandardCharsets.UTF_8)).build());
    }

    /** Every line is one line of printable ASCII. */
    private static void assertPrintable(List<String> log) {
        for (String line : log) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                assertTrue(c >= 0x20 && c < 0x7f, "character " + (int) c + " in " + line);
            }
        }
    }

    @Test
    void aTriggerWithALineBreakCannotForgeALogLine() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            String forged = "x\\n2026-01-01T00:00:00Z POST /webhooks/cometchat status=200 ms=1 trigger=message_sent outcome=accepted";
            assertEquals(200, postTrigger(receiver, forged).statusCode(), "an unknown trigger is accepted");
            List<String> log = receiver.log(1);
            assertEquals(1, log.size());
            assertTrue(log.get(0).matches(TIME + " POST /webhooks/cometchat status=200 ms=\\d+ trigger=\"x\\\\u000a2026-01-01T00:00:00Z POST "
                    + "/webhooks/cometchat status=200 ms=1 \\.\\.\\.\\(101 chars\\)\" outcome=accepted"), log.get(0));
            assertPrintable(log);
        }
    }

    @Test
    void escapesCarriageReturnsNulsAndAHugeTriggerAreEscapedAndCapped() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            postTrigger(receiver, "\\u001b[2J\\u001b[31mred\\r\\u0000");
            postTrigger(receiver, "\\u202eevil\\u2028");
            postTrigger(receiver, "t".repeat(10_240));
            List<String> log = receiver.assertLog(
                    ".* " + Pattern.quote("trigger=\\u001b[2J\\u001b[31mred\\u000d\\u0000 outcome=accepted"),
                    ".* " + Pattern.quote("trigger=\\u202eevil\\u2028 outcome=accepted"),
                    ".{0,200} " + Pattern.quote("trigger=\"" + "t".repeat(64) + "...(10240 chars)\" outcome=accepted"));
            assertPrintable(log);
        }
    }

    @Test
    void theMethodAndPathOfAnUnauthenticatedRequestAreNeverLoggedRaw() throws Exception {
        try (TestReceiver receiver = new TestReceiver(dir)) {
            int port = receiver.server.address().getPort();
            for (String head : List.of(RawClient.head("PR0PF!ND", "/webhooks/cometchat"), RawClient.head("M".repeat(100), "/webhooks/cometchat"),
                    RawClient.head("GET", "/x=1%20outcome=accepted"))) {
                try (RawClient client = new RawClient(port)) { // a refusal closes its connection
                    assertEquals(head.startsWith("GET") ? 404 : 405, client.send(head).read().status());
                }
            }
            for (String method : List.of("GE\u001bT", "GE\rT", "GE\u0000T", "G\u00e9T")) {
                try (RawClient client = new RawClient(port)) {
                    RawClient.Answer answer = client.send(RawClient.head(method, "/webhooks/cometchat")).read();
                    assertEquals(400, answer.status(), "refused by the HTTP parser: " + method);
                }
            }
            for (String path : List.of("/webhooks/\u001b[2Jcometchat", "/caf\u00e9\u202e", "/x%0D%0Aforged")) {
                try (RawClient client = new RawClient(port)) {
                    assertEquals(400, client.send(RawClient.head("GET", path)).read().status(), "refused by the HTTP parser: " + path);
                }
            }
            // three lines only: requests the parser refuses are not logged
            List<String> log = receiver.assertLog(TIME + " PR0PF!ND /webhooks/cometchat status=405 ms=\\d+ outcome=method_not_allowed",
                    TIME + " \"M{16}\\.\\.\\.\\(100 chars\\)\" /webhooks/cometchat status=405 ms=\\d+ outcome=method_not_allowed",
                    TIME + " GET \"/x=1%20outcome=accepted\" status=404 ms=\\d+ outcome=not_found");
            Thread.sleep(200);
            assertEquals(3, receiver.log(0).size(), "requests the parser refuses are not logged");
            assertPrintable(log);
        }
    }
}
