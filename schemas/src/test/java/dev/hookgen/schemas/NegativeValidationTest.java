package dev.hookgen.schemas;

import static dev.hookgen.schemas.Contract.SAMPLES;
import static dev.hookgen.schemas.Contract.TRIGGERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.stream.Stream;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real samples, broken one way each: the validator must reject them, and say where (the instance path as
 * networknt reports it) and why.
 */
class NegativeValidationTest {

    private static ObjectNode sample(String name) {
        return (ObjectNode) Contract.read(SAMPLES.resolve(name));
    }

    private static ObjectNode at(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    private static Set<ValidationMessage> validate(String wire, JsonNode instance) {
        return Contract.validate(TRIGGERS.resolve(wire + ".json"), instance);
    }

    /** The mutated sample fails with exactly one error: this one. */
    private static void failsWithOnly(String wire, String sampleName, Consumer<ObjectNode> mutation,
                                      String instancePath, String message) {
        ObjectNode s = sample(sampleName);
        assertTrue(validate(wire, s).isEmpty(), "precondition: samples/" + sampleName + " is valid");
        mutation.accept(s);
        Set<ValidationMessage> errors = validate(wire, s);
        assertEquals(1, errors.size(), "expected one error:" + Contract.describe(errors));
        ValidationMessage error = errors.iterator().next();
        assertEquals(instancePath, error.getInstanceLocation().toString());
        assertEquals(message, error.getMessage());
    }

    @Test
    void missingMessageIdIsReportedOnTheMessage() {
        failsWithOnly("message_sent", "message_sent.json", s -> at(s, "/data/message").remove("id"),
                "$.data.message", "$.data.message: required property 'id' not found");
    }

    @Test
    void missingDataIsReportedOnTheRoot() {
        failsWithOnly("message_sent", "message_sent.json", s -> s.remove("data"),
                "$", "$: required property 'data' not found");
    }

    @Test
    void timestampAsTextIsRejected() {
        failsWithOnly("message_sent", "message_sent.json", s -> at(s, "/data/message").put("sentAt", "yesterday"),
                "$.data.message.sentAt", "$.data.message.sentAt: string found, integer expected");
    }

    @Test
    void wrongTriggerNameIsRejected() {
        failsWithOnly("message_sent", "message_sent.json", s -> s.put("trigger", "message_send"),
                "$.trigger", "$.trigger: must be the constant value 'message_sent'");
    }

    @Test
    void numericIdWhereAStringIsExpectedIsRejected() {
        failsWithOnly("message_sent", "message_sent.json", s -> at(s, "/data/message").set("id", IntNode.valueOf(1)),
                "$.data.message.id", "$.data.message.id: integer found, string expected");
    }

    @Test
    void numericWebhookIdIsRejected() {
        failsWithOnly("group_created", "group_created.json", s -> s.put("webhook", 42),
                "$.webhook", "$.webhook: integer found, string expected");
    }

    @Test
    void stringBooleanStaysAString() {
        failsWithOnly("call_participant_joined", "call_participant_joined.json",
                s -> at(s, "/data/occupant").put("audio_call", true),
                "$.data.occupant.audio_call", "$.data.occupant.audio_call: boolean found, string expected");
    }

    @Test
    void mapValuesAreUsers() {
        failsWithOnly("user_blocked", "user_blocked.json", s -> at(s, "/data/users/cometchat-uid-2").remove("uid"),
                "$.data.users.cometchat-uid-2", "$.data.users.cometchat-uid-2: required property 'uid' not found");
    }

    @Test
    void groupEntityWithoutGuidMatchesNoVariant() {
        ObjectNode s = sample("message_sent.group-text.json");
        at(s, "/data/message/data/entities/receiver/entity").remove("guid");
        Set<ValidationMessage> errors = validate("message_sent", s);
        List<String> messages = errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
        assertTrue(messages.contains("$.data.message.data.entities.receiver: "
                + "must be valid to one and only one schema, but 0 are valid"), Contract.describe(errors));
        List<ValidationMessage> fromGroupVariant = errors.stream()
                .filter(e -> e.getEvaluationPath().toString().contains(".receiver.$ref.oneOf[1].$ref."))
                .collect(Collectors.toList());
        assertEquals(1, fromGroupVariant.size(), "the group variant reports the one missing field:" + Contract.describe(errors));
        ValidationMessage groupVariant = fromGroupVariant.get(0);
        assertEquals("$.data.message.data.entities.receiver.entity", groupVariant.getInstanceLocation().toString());
        assertEquals("$.data.message.data.entities.receiver.entity: required property 'guid' not found",
                groupVariant.getMessage());
    }

    @Test
    void editedMessageMustBeAnEditAction() {
        failsWithOnly("message_edited", "message_edited.json", s -> at(s, "/data/message/data").put("action", "deleted"),
                "$.data.message.data.action", "$.data.message.data.action: must be the constant value 'edited'");
    }

    @Test
    void deletedMessageNamesWhatWasDeleted() {
        failsWithOnly("message_deleted", "message_deleted.json", s -> at(s, "/data/message/data/entities").remove("on"),
                "$.data.message.data.entities", "$.data.message.data.entities: required property 'on' not found");
    }

    @Test
    void callSessionOfAMeetingTriggerIsRejected() {
        failsWithOnly("call_started", "call_started.json", s -> s.put("type", "meet"),
                "$.type", "$.type: must be the constant value 'call'");
    }

    @Test
    void sessionEventWithoutTypeIsRejected() {
        failsWithOnly("meeting_ended", "meeting_ended.json", s -> s.remove("type"),
                "$", "$: required property 'type' not found");
    }

    @Test
    void bannedNeedsWhoBanned() {
        failsWithOnly("group_member_banned", "group_member_banned.json", s -> at(s, "/data").remove("by"),
                "$.data", "$.data: required property 'by' not found");
    }

    @Test
    void participantLeftNeedsLeftAt() {
        failsWithOnly("call_participant_left", "call_participant_left.json", s -> at(s, "/data/occupant").remove("left_at"),
                "$.data.occupant", "$.data.occupant: required property 'left_at' not found");
    }

    @Test
    void receiptActionMustMatchTheTrigger() {
        failsWithOnly("message_read_receipt", "message_read_receipt.json", s -> at(s, "/data/body").put("action", "delivered"),
                "$.data.body.action", "$.data.body.action: must be the constant value 'read'");
    }

    @Test
    void moderationRuleBlockedAtIsAnInteger() {
        failsWithOnly("moderation_engine_blocked", "moderation_engine_blocked.json",
                s -> at(s, "/data/moderation/0/rule").put("blockedAt", "1738591286"),
                "$.data.moderation[0].rule.blockedAt", "$.data.moderation[0].rule.blockedAt: string found, integer expected");
    }

    static Stream<String> wireNames() {
        return SchemaContractTest.WIRE_NAMES.stream();
    }

    /** Every part of the idempotency key is required: a delivery without it is rejected, naming the part. */
    @ParameterizedTest
    @MethodSource("wireNames")
    void everyIdempotencyKeyPartIsRequired(String wire) {
        for (KeyParts part : KeyParts.of(Contract.read(TRIGGERS.resolve(wire + ".json")))) {
            String pointer = part.pointer();
            int slash = pointer.lastIndexOf('/');
            String parent = pointer.substring(0, slash);
            String field = pointer.substring(slash + 1);
            String location = "$" + parent.replace('/', '.');
            ObjectNode s = sample(wire + ".json");
            at(s, parent.isEmpty() ? "" : parent).remove(field);
            List<String> messages = validate(wire, s).stream().map(ValidationMessage::getMessage)
                    .collect(Collectors.toList());
            assertEquals(List.of(location + ": required property '" + field + "' not found"), messages,
                    wire + ": removing key part " + part.text());
        }
    }
}
