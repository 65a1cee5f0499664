package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.cometchat.model.Attachment;
import dev.hookgen.cometchat.model.EntityRef;
import dev.hookgen.cometchat.model.GroupRef;
import dev.hookgen.cometchat.model.Message;
import dev.hookgen.cometchat.model.MessageRef;
import dev.hookgen.cometchat.model.ModerationResult;
import dev.hookgen.cometchat.model.Occupant;
import dev.hookgen.cometchat.model.User;
import dev.hookgen.cometchat.model.UserRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a receiver reads from each trigger family, through the typed API. */
class TypedEventsTest {

    private static <E extends WebhookEvent> E parse(String sample, Class<E> type) {
        return assertInstanceOf(type, WebhookEvents.parse(Samples.bytes(sample)));
    }

    @Test
    void messageTextAndSender() {
        MessageSentEvent event = parse("message_sent.json", MessageSentEvent.class);
        Message message = event.getData().getMessage();
        assertEquals("1", message.getId());
        assertEquals("hi", message.getData().getText());
        assertEquals("cometchat-uid-1", message.getSender());
        UserRef sender = assertInstanceOf(UserRef.class, message.getData().getEntities().getSender());
        assertEquals("cometchat-uid-1", sender.getEntity().getUid());
        assertEquals("Andrew Joseph", sender.getEntity().getName());
        assertEquals(1696934440L, sender.getEntity().getLastActiveAt());
        assertEquals(1696934912L, message.getSentAt());
        assertEquals("<webhookID>", event.getWebhook());
        assertEquals("<appId>", event.getAppId());
        assertEquals("<region>", event.getRegion());
    }

    @Test
    void groupReceiverBindsAsAGroup() {
        Message message = parse("message_sent.group-text.json", MessageSentEvent.class).getData().getMessage();
        assertEquals("group", message.getReceiverType());
        GroupRef receiver = assertInstanceOf(GroupRef.class, message.getData().getEntities().getReceiver());
        assertEquals("cometchat-guid-1", receiver.getEntity().getGuid());
        assertEquals("group", receiver.getEntityType());
    }

    @Test
    void actionInAGroupNamesTheGroupAndTheMessageActedOn() {
        Message action = parse("message_deleted.group.json", MessageDeletedEvent.class).getData().getMessage();
        assertEquals("action", action.getCategory());
        assertEquals("deleted", action.getData().getAction());
        assertEquals("cometchat-guid-1",
                assertInstanceOf(GroupRef.class, action.getData().getEntities().getFor()).getEntity().getGuid());
        MessageRef on = assertInstanceOf(MessageRef.class, action.getData().getEntities().getOn());
        assertTrue(on.getEntity().getDeletedAt() > 0);
    }

    static List<String> oneToOneMessages() {
        return List.of("message_sent.json", "message_edited.json", "message_deleted.json", "user_mentioned.json",
                "moderation_engine_approved.json", "moderation_engine_blocked.json", "moderation_manual_approved.json");
    }

    @ParameterizedTest
    @MethodSource("oneToOneMessages")
    void oneToOneReceiverBindsAsAUser(String sample) {
        WebhookEvent event = WebhookEvents.parse(Samples.bytes(sample));
        Message message = switchToMessage(event);
        assertEquals("user", message.getReceiverType());
        var entities = message.getData().getEntities();
        EntityRef receiver = entities.getReceiver() != null ? entities.getReceiver() : entities.getFor();
        assertEquals(message.getReceiver(), assertInstanceOf(UserRef.class, receiver).getEntity().getUid());
    }

    static List<String> groupMessages() {
        return Samples.names().stream().filter(n -> n.contains(".group")).toList();
    }

    @ParameterizedTest
    @MethodSource("groupMessages")
    void groupConversationReceiverBindsAsAGroup(String sample) {
        Message message = switchToMessage(WebhookEvents.parse(Samples.bytes(sample)));
        assertEquals("group", message.getReceiverType());
        var entities = message.getData().getEntities();
        EntityRef receiver = entities.getReceiver() != null ? entities.getReceiver() : entities.getFor();
        assertEquals(message.getReceiver(), assertInstanceOf(GroupRef.class, receiver).getEntity().getGuid());
    }

    private static Message switchToMessage(WebhookEvent event) {
        if (event instanceof MessageSentEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof MessageEditedEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof MessageDeletedEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof UserMentionedEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof ModerationEngineApprovedEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof ModerationEngineBlockedEvent e) {
            return e.getData().getMessage();
        } else if (event instanceof ModerationManualApprovedEvent e) {
            return e.getData().getMessage();
        }
        throw new AssertionError("not a message event: " + event);
    }

    @Test
    void threadedImageWithAttachmentsAndInjectedMetadata() {
        Message message = parse("message_sent.thread-image.json", MessageSentEvent.class).getData().getMessage();
        assertEquals("image", message.getType());
        assertTrue(message.getParentId() != null && !message.getParentId().isEmpty());
        Attachment attachment = message.getData().getAttachments().get(0);
        assertEquals("image/png", attachment.getMimeType());
        assertEquals(482133L, attachment.getSize());
        assertTrue(message.getData().getMetadata().getInjected().getExtensions().containsKey("thumbnail-generation"));
    }

    @Test
    void memberOldAndNewScope() {
        GroupMemberScopeChangedEvent event = parse("group_member_scope_changed.json", GroupMemberScopeChangedEvent.class);
        User member = event.getData().getMembers().get("cometchat-uid-2");
        assertEquals("participant", member.getOldScope());
        assertEquals("admin", member.getScope());
        assertEquals("cometchat-guid-1", event.getData().getGroup().getGuid());
        assertEquals("cometchat-uid-1", event.getData().getBy().getUid());
    }

    @Test
    void callOccupants() {
        CallEndedEvent event = parse("call_ended.json", CallEndedEvent.class);
        List<Occupant> occupants = event.getData().getAllOccupants();
        assertEquals(List.of("George Alan", "Andrew Joseph"), occupants.stream().map(Occupant::getName).toList());
        assertEquals("true", occupants.get(0).getAudioCall());
        assertEquals(1696934553L, occupants.get(0).getLeftAt());
        assertEquals(1696934553L, event.getData().getDestroyedAt());
        assertEquals("call", event.getType());
    }

    @Test
    void participantJoinedCarriesTheInitialConfigAsStrings() {
        CallParticipantJoinedEvent event = parse("call_participant_joined.json", CallParticipantJoinedEvent.class);
        assertEquals("true", event.getData().getInitialConfig().getIsAudioOnly());
        assertEquals(1696934573L, event.getData().getOccupant().getJoinedAt());
    }

    @Test
    void moderationRuleAndCondition() {
        ModerationEngineBlockedEvent event = parse("moderation_engine_blocked.json", ModerationEngineBlockedEvent.class);
        ModerationResult result = event.getData().getModeration().get(0);
        assertEquals("email_filter", result.getRule().getId());
        assertEquals(List.of("blockMessage"), result.getRule().getAction());
        assertEquals("contains", result.getCondition().getOperator());
        assertEquals("pattern", result.getCondition().getCategory());
        assertEquals(1738591286, result.getRule().getBlockedAt(), "a number or a string, as it came");
    }

    @Test
    void moderationFilterFailure() {
        ModerationEngineApprovedEvent event =
                parse("moderation_engine_approved.filter-failure.json", ModerationEngineApprovedEvent.class);
        ModerationResult result = event.getData().getModeration().get(0);
        assertEquals("uid", result.getFilter().getOperand());
        assertEquals("moderation", result.getRule().getId());
    }

    @Test
    void receiptMessageId() {
        MessageReadReceiptEvent event = parse("message_read_receipt.json", MessageReadReceiptEvent.class);
        assertEquals("57", event.getData().getBody().getMessageId());
        assertEquals("read", event.getData().getBody().getAction());
        assertEquals("cometchat-uid-2", event.getData().getBody().getUser().getUid());
    }

    @Test
    void epochMillisecondsNeed64Bits() {
        UserConnectionStatusChangedEvent event =
                parse("user_connection_status_changed.json", UserConnectionStatusChangedEvent.class);
        assertEquals(1696935103114L, event.getData().getTimestamp());
        assertEquals(1696934440846L, event.getData().getCurrentConnection().getAppInfo().getUts());
    }

    @Test
    void mapsKeyedByUid() {
        UserBlockedEvent event = parse("user_blocked.json", UserBlockedEvent.class);
        Map<String, User> users = event.getData().getUsers();
        assertEquals("George Alan", users.get("cometchat-uid-2").getName());
    }
}
