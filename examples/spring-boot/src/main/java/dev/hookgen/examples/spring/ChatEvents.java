package dev.hookgen.examples.spring;

import dev.hookgen.cometchat.GroupMemberJoinedEvent;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.UnknownEvent;
import dev.hookgen.cometchat.WebhookHandler;
import dev.hookgen.cometchat.model.Message;
import dev.hookgen.runtime.receiver.Logfmt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's handler: one method per trigger it cares about; the others do nothing. Called once per event
 * (a repeated delivery is recognised by its idempotency key before it gets here); throwing means "not handled":
 * CometChat retries (direct mode) or the inbox tries again later (inbox mode).
 *
 * <p>Every value of an event comes from the request: it is logged through {@link Logfmt}, which escapes line breaks
 * and other control characters, so that a sender cannot forge a log line with a message id or a trigger.
 */
@Component
public class ChatEvents implements WebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatEvents.class);

    @Override
    public void onMessageSent(MessageSentEvent event) {
        Message message = event.getData().getMessage();
        LOG.info("message_sent id={} sender={} conversation={}", Logfmt.value(message.getId(), 64), Logfmt.value(message.getSender(), 64),
                Logfmt.value(message.getConversationId(), 128));
    }

    @Override
    public void onGroupMemberJoined(GroupMemberJoinedEvent event) {
        LOG.info("group_member_joined group={}", Logfmt.value(event.getData().getGroup().getGuid(), 64));
    }

    @Override
    public void onUnknown(UnknownEvent event) {
        LOG.info("a trigger without a schema yet: trigger={}", Logfmt.value(event.getTrigger(), Logfmt.MAX_TRIGGER_CHARS));
    }
}
