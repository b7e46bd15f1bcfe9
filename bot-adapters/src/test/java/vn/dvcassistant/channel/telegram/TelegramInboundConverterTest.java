package vn.dvcassistant.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.MalformedPayloadException;
import vn.dvcassistant.channel.Samples;

class TelegramInboundConverterTest {

    private final TelegramInboundConverter converter =
            new TelegramInboundConverter(TelegramConfig.of("123456789:AAE-test_token", "s3cret", "dvc_tro_ly_bot"));

    private InboundEvent sample(String name) {
        return converter.convert(Samples.read("telegram/" + name + ".json"));
    }

    @Test
    void privateTextBecomesTextWithTheUpdateIdForDeduplication() {
        InboundEvent event = sample("text");

        assertThat(event).isEqualTo(new InboundEvent(Channel.TELEGRAM, "905112001", "7012345678", "7012345678",
                InboundType.TEXT, "Làm căn cước cần giấy tờ gì?", null, null, false, true));
    }

    @Test
    void startCommandOpensTheConversation() {
        InboundEvent event = sample("start");

        assertThat(event.type()).isEqualTo(InboundType.START);
        assertThat(event.chatId()).isEqualTo("7012345678");
    }

    @Test
    void buttonPressCarriesItsDataAndTheCallbackIdToAcknowledge() {
        InboundEvent event = sample("callback_query");

        assertThat(event.type()).isEqualTo(InboundType.BUTTON);
        assertThat(event.buttonData()).isEqualTo("rate:up:a1b2");
        assertThat(event.callbackId()).isEqualTo("3014493018571236001");
        assertThat(event.chatId()).isEqualTo("7012345678");
        assertThat(event.deliveryId()).isEqualTo("905112002");
    }

    @Test
    void stickerIsUnsupportedSoTheCitizenGetsAHint() {
        InboundEvent event = sample("sticker");

        assertThat(event.type()).isEqualTo(InboundType.UNSUPPORTED);
        assertThat(event.chatId()).isEqualTo("7012345678");
        assertThat(event.expectsReply()).isTrue();
    }

    @Test
    void photoIsUnsupportedButKeepsItsCaption() {
        InboundEvent event = sample("photo");

        assertThat(event.type()).isEqualTo(InboundType.UNSUPPORTED);
        assertThat(event.text()).isEqualTo("Giấy này có dùng được không?");
    }

    @Test
    void editedMessageIsUnsupportedRatherThanAnsweredTwice() {
        InboundEvent event = sample("edited_message");

        assertThat(event.type()).isEqualTo(InboundType.UNSUPPORTED);
        assertThat(event.deliveryId()).isEqualTo("905112005");
    }

    @Test
    void groupMessageMentioningTheBotIsAnsweredWithoutTheMention() {
        InboundEvent event = sample("group_mention");

        assertThat(event.type()).isEqualTo(InboundType.TEXT);
        assertThat(event.text()).isEqualTo("đăng ký kết hôn ở đâu?");
        assertThat(event.chatId()).isEqualTo("-1002233445566");
        assertThat(event.userId()).isEqualTo("6123400001");
        assertThat(event.fromGroup()).isTrue();
        assertThat(event.addressedToBot()).isTrue();
    }

    @Test
    void groupChatterNotAddressedToTheBotIsIgnored() {
        InboundEvent event = sample("group_no_mention");

        assertThat(event.type()).isEqualTo(InboundType.IGNORED);
        assertThat(event.fromGroup()).isTrue();
        assertThat(event.addressedToBot()).isFalse();
        assertThat(event.expectsReply()).isFalse();
    }

    @Test
    void groupReplyToTheBotIsAnswered() {
        InboundEvent event = sample("group_reply_to_bot");

        assertThat(event.type()).isEqualTo(InboundType.TEXT);
        assertThat(event.text()).isEqualTo("Cần mang theo những gì?");
        assertThat(event.fromGroup()).isTrue();
    }

    @Test
    void updatesWeDoNotHandleAreIgnored() {
        InboundEvent event = sample("my_chat_member");

        assertThat(event.type()).isEqualTo(InboundType.IGNORED);
        assertThat(event.deliveryId()).isEqualTo("905112009");
    }

    @Test
    void bodyThatIsNotAnUpdateIsRejected() {
        assertThatThrownBy(() -> converter.convert("{\"hello\": "))
                .isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> converter.convert("{\"message\": {\"text\": \"hi\"}}"))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("update_id");
    }
}
