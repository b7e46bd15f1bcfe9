package vn.dvcassistant.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.WebhookVerification;

class TelegramSecretVerifierTest {

    private final TelegramSecretVerifier verifier = new TelegramSecretVerifier("dvc-Webhook_2026-secret");

    @Test
    void theSecretGivenToSetWebhookIsAccepted() {
        assertThat(verifier.verify("dvc-Webhook_2026-secret")).isEqualTo(WebhookVerification.VALID);
    }

    @Test
    void anAbsentHeaderIsToldApartFromAWrongOne() {
        assertThat(verifier.verify(null)).isEqualTo(WebhookVerification.MISSING);
        assertThat(verifier.verify("")).isEqualTo(WebhookVerification.MISSING);
        assertThat(verifier.verify("dvc-Webhook_2026-secreT")).isEqualTo(WebhookVerification.INVALID);
        assertThat(verifier.verify("dvc-Webhook_2026")).isEqualTo(WebhookVerification.INVALID);
        assertThat(verifier.verify("dvc-Webhook_2026-secret ")).isEqualTo(WebhookVerification.INVALID);
    }
}
