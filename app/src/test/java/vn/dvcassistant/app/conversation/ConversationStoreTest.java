package vn.dvcassistant.app.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The session a message starts from is read by hand; it must be the row the repository reads, every column. */
@MicronautTest(transactional = false)
class ConversationStoreTest {

    @Inject
    ConversationStore store;
    @Inject
    SessionRepository sessions;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aNewConversationStartsWithoutConsentOrHistory() {
        String key = "web:new-" + UUID.randomUUID();
        ConversationSession opened = transactions.executeWrite(status -> store.open(status.getConnection(), key, Channel.WEB));

        assertThat(opened).isEqualTo(sessions.findById(key).orElseThrow());
        assertThat(opened.channel()).isEqualTo("web");
        assertThat(opened.consent()).isEqualTo(ConversationSession.CONSENT_UNKNOWN);
        assertThat(opened.consentAt()).isNull();
        assertThat(opened.noticeShown()).isFalse();
        assertThat(opened.lastTopicId()).isNull();
        assertThat(opened.lastExchangeId()).isNull();
        assertThat(opened.satisfactionOffered()).isEmpty();
    }

    @Test
    void aConversationIsReadBackWithEverythingItsMessagesStored() {
        String key = "telegram:used-" + UUID.randomUUID();
        ConversationSession first = transactions.executeWrite(status -> store.open(status.getConnection(), key, Channel.TELEGRAM));
        Instant consentAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Exchange exchange = new Exchange(UUID.randomUUID(), key, "telegram", "đăng ký khai sinh", "answer",
                "dang-ky-khai-sinh", 0.93, 12, false, consentAt.plusSeconds(1));
        store.record(exchange, first.withConsent(ConversationSession.CONSENT_GIVEN, consentAt)
                .afterExchange(exchange, false, true), "dang-ky-khai-sinh");
        sessions.markSatisfactionRated(key, "dang-ky-khai-sinh");

        ConversationSession again = transactions.executeWrite(status -> store.open(status.getConnection(), key, Channel.TELEGRAM));

        assertThat(again).isEqualTo(sessions.findById(key).orElseThrow());
        assertThat(again.consent()).isEqualTo(ConversationSession.CONSENT_GIVEN);
        assertThat(again.consentAt()).isEqualTo(consentAt);
        assertThat(again.noticeShown()).isTrue();
        assertThat(again.lastTopicId()).isEqualTo("dang-ky-khai-sinh");
        assertThat(again.lastKind()).isEqualTo("answer");
        assertThat(again.lastExchangeId()).isEqualTo(exchange.id());
        assertThat(again.updatedAt()).isEqualTo(exchange.createdAt().truncatedTo(ChronoUnit.MICROS));
        assertThat(again.awaitingComment()).isTrue();
        assertThat(again.satisfactionOffered()).isEqualTo("dang-ky-khai-sinh");
        assertThat(again.satisfactionRated()).isEqualTo("dang-ky-khai-sinh");
    }
}
