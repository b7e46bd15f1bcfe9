package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Samples;
import vn.dvcassistant.channel.WebhookVerification;

class ZaloSignatureVerifierTest {

    private static final String OA_SECRET = "Zq8sT2vLpX9wYc4RkE7n";
    /** python3: hashlib.sha256((app_id + raw + timestamp + OA_SECRET).encode()).hexdigest() over the sample file. */
    private static final String EXPECTED = "mac=e44a17450a07c79e7b2f8c177818f262020051ba307933e0e17cd3e9883890bf";

    private final ZaloSignatureVerifier verifier = new ZaloSignatureVerifier(OA_SECRET);
    private final String body = Samples.read("zalo/user_send_text.json");

    @Test
    void signatureComputedIndependentlyIsAccepted() {
        assertThat(verifier.verify(body, EXPECTED)).isEqualTo(WebhookVerification.VALID);
        assertThat(verifier.verify(body, EXPECTED.toUpperCase().replace("MAC=", "mac="))).isEqualTo(WebhookVerification.VALID);
    }

    @Test
    void absentSignatureIsToldApartFromAWrongOne() {
        assertThat(verifier.verify(body, null)).isEqualTo(WebhookVerification.MISSING);
        assertThat(verifier.verify(body, " ")).isEqualTo(WebhookVerification.MISSING);
        assertThat(verifier.verify(body, EXPECTED.replace("e44a", "e44b"))).isEqualTo(WebhookVerification.INVALID);
    }

    @Test
    void theHexDigestIsAcceptedWithOrWithoutTheMacPrefix() {
        assertThat(verifier.verify(body, EXPECTED.substring(4))).isEqualTo(WebhookVerification.VALID);
        assertThat(verifier.verify(body, EXPECTED.substring(4).replace("e44a", "e44b")))
                .isEqualTo(WebhookVerification.INVALID);
    }

    /**
     * A pretty-printed body with backslash-u escapes, signed over its exact bytes (python3 hashlib on the
     * file); the same event written out compactly with the characters decoded has another signature
     * ({@link #COMPACT_SIGNATURE}), which must not be what is checked.
     */
    @Test
    void theSignatureCoversTheExactBytesSentNotARewrittenBody() throws Exception {
        byte[] pretty = Samples.read("zalo/user_send_text_pretty.json").getBytes(StandardCharsets.UTF_8);
        String signed = "mac=edf9e72c64b2e9c6fe92b25d9cd8a7dd68951575868b75ba0cdb097a2bd883d7";

        assertThat(verifier.verify(pretty, signed)).isEqualTo(WebhookVerification.VALID);
        assertThat(verifier.verify(new String(pretty, StandardCharsets.UTF_8), signed)).isEqualTo(WebhookVerification.VALID);

        ObjectMapper json = new ObjectMapper();
        byte[] rewritten = json.writeValueAsBytes(json.readTree(pretty));
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).contains("Thủ tục đăng ký khai sinh?");
        assertThat(verifier.verify(rewritten, signed)).isEqualTo(WebhookVerification.INVALID);
        assertThat(verifier.verify(rewritten, COMPACT_SIGNATURE)).isEqualTo(WebhookVerification.VALID);
        assertThat(verifier.verify(pretty, COMPACT_SIGNATURE)).isEqualTo(WebhookVerification.INVALID);
    }

    /** python3: the sample re-serialised with json.dumps(ensure_ascii=False, separators=(',', ':')). */
    private static final String COMPACT_SIGNATURE =
            "mac=83a13dca03eda42122d4a478287726c3c96238b4511ce457fe2781f378241c9b";

    @Test
    void aBodyChangedInTransitNoLongerMatches() {
        String tampered = body.replace("quyền sử dụng đất", "quyền sở hữu nhà");

        assertThat(verifier.verify(tampered, EXPECTED)).isEqualTo(WebhookVerification.INVALID);
        assertThat(new ZaloSignatureVerifier("another-oa-secret").verify(body, EXPECTED))
                .isEqualTo(WebhookVerification.INVALID);
    }

    @Test
    void bodyWithoutTimestampCannotBeVerified() {
        assertThat(verifier.verify("{\"app_id\":\"1\",\"event_name\":\"follow\"}", EXPECTED))
                .isEqualTo(WebhookVerification.INVALID);
        assertThat(verifier.verify("not json", EXPECTED)).isEqualTo(WebhookVerification.INVALID);
    }
}
