package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(verifier.verify(body, EXPECTED.substring(4))).isEqualTo(WebhookVerification.INVALID);
    }

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
