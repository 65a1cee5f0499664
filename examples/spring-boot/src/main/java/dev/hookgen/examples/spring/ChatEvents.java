package dev.hookgen.examples.spring;

import dev.hookgen.cometchat.GroupMemberJoinedEvent;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.UnknownEvent;
import dev.hookgen.cometchat.WebhookHandler;
import dev.hookgen.cometchat.model.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The application's handler: one method per trigger it cares about; the others do nothing. Called once per event
 * (a repeated delivery is recognised by its idempotency key before it gets here); throwing means "not handled":
 * CometChat retries (direct mode) or the inbox tries again later (inbox mode).
 */
@Component
public class ChatEvents implements WebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatEvents.class);

    @Override
    public void onMessageSent(MessageSentEvent event) {
        Message message = event.getData().getMessage();
        LOG.info("message {} from {} in {}", message.getId(), message.getSender(), message.getConversationId());
    }

    @Override
    public void onGroupMemberJoined(GroupMemberJoinedEvent event) {
        LOG.info("joined group {}", event.getData().getGroup().getGuid());
    }

    @Override
    public void onUnknown(UnknownEvent event) {
        LOG.info("a trigger without a schema yet: {}", event.getTrigger());
    }
}
