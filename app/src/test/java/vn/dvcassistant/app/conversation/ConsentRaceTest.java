package vn.dvcassistant.app.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import vn.dvcassistant.channel.Channel;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consent button pressed while a message of the same chat is being answered: the message read the
 * session before the press and stores after it; the press must stay.
 */
@MicronautTest(transactional = false)
class ConsentRaceTest {

    @Inject
    ConversationStore store;
    @Inject
    SessionRepository sessions;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aConsentButtonCommittedWhileAMessageIsAnsweredIsNotOverwritten() {
        String key = "web:race-" + UUID.randomUUID();
        ConversationSession read = transactions.executeWrite(status -> store.open(status.getConnection(), key, Channel.WEB));
        assertThat(read.consent()).isEqualTo(ConversationSession.CONSENT_UNKNOWN);

        // The button's own write lands first ...
        sessions.updateConsent(key, ConversationSession.CONSENT_GIVEN, Instant.now());
        // ... then the message, which asked for consent from the copy it read, is stored.
        Exchange exchange = exchange(key);
        store.record(exchange, read.afterExchange(exchange, true, false), null);

        ConversationSession stored = sessions.findById(key).orElseThrow();
        assertThat(stored.consent()).isEqualTo(ConversationSession.CONSENT_GIVEN);
        assertThat(stored.lastExchangeId()).isEqualTo(exchange.id());
    }

    @Test
    void whatTheMessageItselfChangedIsStored() {
        String key = "web:typed-" + UUID.randomUUID();
        ConversationSession read = transactions.executeWrite(status -> store.open(status.getConnection(), key, Channel.WEB));
        Exchange asked = exchange(key);
        store.record(asked, read.afterExchange(asked, true, false), null);
        assertThat(sessions.findById(key).orElseThrow().consent()).isEqualTo(ConversationSession.CONSENT_ASKED);

        // Typing "không đồng ý" changes it in the message itself.
        ConversationSession before = sessions.findById(key).orElseThrow();
        Exchange typed = exchange(key);
        store.record(typed, before.withConsent(ConversationSession.CONSENT_REFUSED, Instant.now())
                .afterExchange(typed, false, false), null);
        assertThat(sessions.findById(key).orElseThrow().consent()).isEqualTo(ConversationSession.CONSENT_REFUSED);
    }

    private static Exchange exchange(String key) {
        return new Exchange(UUID.randomUUID(), key, "web", "xin chào", "smalltalk", null, 1.0, 1, false, Instant.now());
    }
}
