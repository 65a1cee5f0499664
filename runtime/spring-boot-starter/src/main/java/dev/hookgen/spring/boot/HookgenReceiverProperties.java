package dev.hookgen.spring.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code hookgen.receiver.*}: the webhook endpoint. */
@ConfigurationProperties("hookgen.receiver")
public class HookgenReceiverProperties {

    /** Where CometChat posts, unless {@code hookgen.receiver.path} says otherwise. */
    public static final String DEFAULT_PATH = "/webhooks/cometchat";

    /** How events are taken: handled before the answer, or stored in the PostgreSQL inbox first. */
    public enum Mode {
        /** The handler runs on the request thread and the 200 comes after it returned (the receiver core's way). */
        DIRECT,
        /** The 200 comes once the event is committed in the table hookgen_inbox; workers run the handler afterwards. */
        INBOX
    }

    /** Whether to receive webhooks at all. */
    private boolean enabled = true;

    /** The path CometChat posts to (the webhook's URL, behind your TLS proxy). */
    private String path = DEFAULT_PATH;

    /**
     * The accepted Basic Auth user names and passwords (the webhook's username and password in CometChat); at least one.
     * Several at once let a password be rotated: add the new pair, switch CometChat over, remove the old one.
     */
    private List<Credential> credentials = new ArrayList<>();

    /** The largest body accepted; larger ones are answered 413. A number alone is in bytes; 1MB is 1,048,576 bytes. */
    private DataSize maxBodyBytes = DataSize.ofMegabytes(1);

    /** direct: the handler runs before the 200; inbox: the 200 comes once the event is committed in PostgreSQL. */
    private Mode mode = Mode.DIRECT;

    /** In direct mode, the folder where payloads that do not fit the schemas are saved whole, one file each. */
    private Path deadLetters = Path.of("dead-letters");

    /**
     * In direct mode, how many recent idempotency keys are remembered in memory to recognise repeated deliveries;
     * ignored when the application declares an IdempotencyStore bean.
     */
    private int dedupCapacity = 100_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<Credential> getCredentials() {
        return credentials;
    }

    public void setCredentials(List<Credential> credentials) {
        this.credentials = credentials;
    }

    public DataSize getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(DataSize maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public Path getDeadLetters() {
        return deadLetters;
    }

    public void setDeadLetters(Path deadLetters) {
        this.deadLetters = deadLetters;
    }

    public int getDedupCapacity() {
        return dedupCapacity;
    }

    public void setDedupCapacity(int dedupCapacity) {
        this.dedupCapacity = dedupCapacity;
    }

    /** One accepted Basic Auth pair. */
    public static class Credential {

        /** The user name CometChat presents. */
        private String username;

        /** Its password. */
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        @Override
        public String toString() {
            return "Credential[username=" + username + ", password=***]";
        }
    }
}
