package dev.hookgen.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deduplication drops retries, never another event: two different events that share everything but their
 * subject are both written, over real HTTP on loopback.
 */
class DistinctEventsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * An admin kicks two members of a group in the same second: the same group snapshot, the same {@code by},
     * bodies that differ only in the key of {@code members}. Posted in order, they are two lines; the first posted
     * again, its keys in another order and indented, is a retry.
     */
    @Test
    void twoMembersKickedInTheSameSecondAreTwoLinesAndARetryIsADuplicate() throws Exception {
        ObjectNode kickA = kicked("user-a");
        ObjectNode kickB = kicked("user-b");
        assertNotEquals(kickA, kickB);
        try (TestReceiver receiver = new TestReceiver(dir)) {
            assertEquals("accepted\n", post(receiver, JSON.writeValueAsBytes(kickA)).body());
            assertEquals("accepted\n", post(receiver, JSON.writeValueAsBytes(kickB)).body());
            byte[] retry = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(reversed(kickA));
            HttpResponse<String> again = post(receiver, retry);
            assertEquals(200, again.statusCode());
            assertEquals("duplicate\n", again.body());

            List<String> lines = receiver.lines();
            assertEquals(2, lines.size(), String.join("\n", lines));
            List<String> kicked = new ArrayList<>();
            for (String line : lines) {
                JSON.readTree(line).at("/data/members").properties().forEach(member -> kicked.add(member.getKey()));
            }
            assertEquals(List.of("user-a", "user-b"), kicked);
        }
    }

    /** The page's group_member_kicked sample with its one member keyed {@code uid}. */
    private static ObjectNode kicked(String uid) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(Samples.get("group_member_kicked.json"));
        ObjectNode members = (ObjectNode) payload.at("/data/members");
        JsonNode member = members.properties().iterator().next().getValue();
        members.removeAll();
        members.set(uid, member);
        return payload;
    }

    private static HttpResponse<String> post(TestReceiver receiver, byte[] body) throws Exception {
        return receiver.send(receiver.post(body).build());
    }

    /** The same JSON value with every object's keys in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            ObjectNode out = JSON.createObjectNode();
            for (int i = fields.size() - 1; i >= 0; i--) {
                out.set(fields.get(i).getKey(), reversed(fields.get(i).getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            var out = JSON.createArrayNode();
            node.forEach(item -> out.add(reversed(item)));
            return out;
        }
        return node;
    }
}
