package vn.dvcassistant.app.outreach;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign as the chat message a subscriber receives: its text, how to stop, and the buttons "Xem hướng
 * dẫn" (opens the linked topic's answer in the chat) and "Hủy nhận thông báo".
 */
@Singleton
public final class CampaignMessage {

    private final Messages messages;

    CampaignMessage(Messages messages) {
        this.messages = messages;
    }

    Reply of(Campaign campaign) {
        List<ReplyPart> parts = new ArrayList<>();
        for (String paragraph : campaign.text().split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                parts.add(new ReplyPart.Paragraph(paragraph.strip()));
            }
        }
        parts.add(new ReplyPart.Paragraph(messages.get("outreach.campaign.footer")));
        List<List<Button>> rows = new ArrayList<>();
        if (campaign.topicId() != null) {
            rows.add(List.of(new Button(messages.get("outreach.button.seeGuide"), "topic:" + campaign.topicId())));
        }
        rows.add(List.of(new Button(messages.get("outreach.button.unsubscribe"), SubscriptionCommands.UNSUBSCRIBE_BUTTON)));
        return new Reply(parts, rows);
    }

    /** The text of the message, as the staff page previews it. */
    public String preview(Campaign campaign) {
        return campaign.text().strip() + "\n\n" + messages.get("outreach.campaign.footer");
    }
}
