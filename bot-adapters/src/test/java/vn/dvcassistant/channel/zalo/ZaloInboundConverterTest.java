package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.MalformedPayloadException;
import vn.dvcassistant.channel.Samples;

class ZaloInboundConverterTest {

    private static final String USER = "2468458835296117922";

    private final ZaloInboundConverter converter = new ZaloInboundConverter();

    private InboundEvent sample(String name) {
        return converter.convert(Samples.read("zalo/" + name + ".json"));
    }

    @Test
    void textBecomesTextKeyedByMsgId() {
        assertThat(sample("user_send_text")).isEqualTo(InboundEvent.text(Channel.ZALO, "a3f1c0e2b44d9e1f8c71", USER, USER,
                "Thủ tục cấp đổi giấy chứng nhận quyền sử dụng đất?"));
    }

    @Test
    void pressOnOurButtonComesBackAsItsData() {
        InboundEvent event = sample("button_press");

        assertThat(event.type()).isEqualTo(InboundType.BUTTON);
        assertThat(event.buttonData()).isEqualTo("rate:up:a1b2");
        assertThat(event.chatId()).isEqualTo(USER);
        assertThat(event.callbackId()).isNull();
    }

    @Test
    void followAndUnfollowAreTheFollowersEvents() {
        InboundEvent follow = sample("follow");
        InboundEvent unfollow = sample("unfollow");

        assertThat(follow.type()).isEqualTo(InboundType.FOLLOW);
        assertThat(follow.chatId()).isEqualTo(USER);
        assertThat(follow.deliveryId()).isEqualTo("follow:" + USER + ":1763799900000");
        assertThat(unfollow.type()).isEqualTo(InboundType.UNFOLLOW);
        assertThat(unfollow.expectsReply()).isFalse();
        assertThat(unfollow.deliveryId()).isNotEqualTo(follow.deliveryId());
    }

    @Test
    void aMessageWithALinkIsAQuestion() {
        assertThat(sample("user_send_link")).isEqualTo(InboundEvent.text(Channel.ZALO, "d41f7a2c9e0b83c5a6f2", USER,
                USER, "Làm sao nộp hồ sơ ở trang này https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?"));
    }

    @Test
    void aBareLinkWithoutTextGetsTheHint() {
        String bare = Samples.read("zalo/user_send_link.json").replaceAll("\"text\":\"[^\"]*\",", "");

        InboundEvent event = converter.convert(bare);

        assertThat(event.type()).isEqualTo(InboundType.UNSUPPORTED);
        assertThat(event.chatId()).isEqualTo(USER);
    }

    @Test
    void imageIsUnsupportedButKeepsItsCaption() {
        InboundEvent event = sample("user_send_image");

        assertThat(event.type()).isEqualTo(InboundType.UNSUPPORTED);
        assertThat(event.text()).isEqualTo("Ảnh chụp tờ khai");
        assertThat(event.deliveryId()).isEqualTo("c9e4a1f07b2288d6e301");
    }

    @Test
    void eventsWeDoNotHandleAreIgnored() {
        InboundEvent event = sample("unknown");

        assertThat(event.type()).isEqualTo(InboundType.IGNORED);
        assertThat(event.expectsReply()).isFalse();
        assertThat(event.deliveryId()).isEqualTo("user_seen_message:1763800200000");
    }

    @Test
    void bodyThatIsNotAZaloEventIsRejected() {
        assertThatThrownBy(() -> converter.convert("<xml/>")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> converter.convert("{\"app_id\":\"1\"}"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("event_name");
        assertThatThrownBy(() -> converter.convert("{\"event_name\":\"user_send_text\",\"message\":{\"text\":\"hi\"}}"))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("sender.id");
    }

    @Test
    void theEventTimeIsReadFromItsMillisecondTimestampStringOrNumber() {
        assertThat(ZaloInboundConverter.timestamp("{\"timestamp\":\"1764892800000\"}".getBytes()))
                .contains(java.time.Instant.parse("2025-12-05T00:00:00Z"));
        assertThat(ZaloInboundConverter.timestamp("{\"timestamp\":1764892800000}".getBytes()))
                .contains(java.time.Instant.parse("2025-12-05T00:00:00Z"));
        assertThat(ZaloInboundConverter.timestamp("{\"timestamp\":\"hôm qua\"}".getBytes())).isEmpty();
        assertThat(ZaloInboundConverter.timestamp("{}".getBytes())).isEmpty();
        assertThat(ZaloInboundConverter.timestamp("not json".getBytes())).isEmpty();
    }
}
