package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookgen.cometchat.WebhookEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework-free core, called the way a servlet or controller would call it. */
class WebhookReceiverTest {

    @TempDir
    Path dir;

    private final List<WebhookEvent> handled = new ArrayList<>();

    private WebhookReceiver receiver(int maxBodyBytes) throws IOException {
        return WebhookReceiver.builder()
                .credentials(List.of(new Credentials("u", "p:with:colons")))
                .maxBodyBytes(maxBodyBytes)
                .deadLetters(new DeadLetters(dir))
                .handler(handled::add)
                .build();
    }

    @Test
    void anOversizeBodyIsRefusedByItsContentLengthWithoutReadingAByte() throws IOException {
        CountingStream body = new CountingStream(Long.MAX_VALUE);
        WebhookReceiver.Response response = receiver(1024).handle(TestReceiver.basic("u", "p:with:colons"), body, 1025);
        assertEquals(413, response.status());
        assertEquals(WebhookReceiver.Outcome.TOO_LARGE, response.outcome());
        assertEquals(0, body.read);
    }

    @Test
    void anOversizeBodyOfUnknownLengthIsReadOnlyOneBytePastTheLimit() throws IOException {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);
        WebhookReceiver.Response response = receiver(1024).handle(TestReceiver.basic("u", "p:with:colons"), endless, -1);
        assertEquals(413, response.status());
        assertEquals(1025, endless.read);
    }

    @Test
    void credentialsAreCheckedBeforeTheBodyIsTouched() throws IOException {
        CountingStream body = new CountingStream(10);
        WebhookReceiver.Response response = receiver(1024).handle(TestReceiver.basic("u", "p"), body, 10);
        assertEquals(401, response.status());
        assertEquals(Map.of("WWW-Authenticate", "Basic realm=\"cometchat-webhooks\", charset=\"UTF-8\""), response.headers());
        assertEquals(0, body.read);
    }

    @Test
    void aPasswordMayContainColonsAndTheSchemeIsCaseInsensitive() throws IOException {
        WebhookReceiver receiver = receiver(1 << 20);
        byte[] sample = Samples.get("message_sent.json");
        String header = TestReceiver.basic("u", "p:with:colons").replace("Basic", "basic");
        assertEquals(200, receiver.handle(header, new ByteArrayInputStream(sample), sample.length).status());
        assertEquals(1, handled.size());
        assertEquals("message_sent", handled.get(0).getTrigger());
    }

    @Test
    void theBuilderRefusesAReceiverWithoutCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookReceiver.builder()
                .deadLetters(new DeadLetters(dir)).handler(handled::add).build());
        assertEquals("at least one user name and password are needed", e.getMessage());
    }

    @Test
    void credentialsParseAndNeverShowThePassword() {
        assertEquals(List.of(new Credentials("a", "1"), new Credentials("b", "2:3")), Credentials.parseList("a:1, b:2:3,"));
        assertEquals("Credentials[username=a, password=***]", new Credentials("a", "secret").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.parse("secret-without-user"));
        assertEquals("credentials must be user:password, and this has no ':'", e.getMessage());
    }

    /** Zeros, up to a length, counting what was read. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (read >= length) {
                return -1;
            }
            read++;
            return ' ';
        }
    }
}
