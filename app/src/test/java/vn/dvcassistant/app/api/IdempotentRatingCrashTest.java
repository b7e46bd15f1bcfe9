package vn.dvcassistant.app.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.satisfaction.RecordedSatisfaction;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A rating is group-committed in its own transaction, so it cannot commit together with the answer kept for
 * its Idempotency-Key. An instance that stored a printed-survey rating and died before keeping that answer
 * must still not let the client's retry (once the key is taken over) store the rating a second time: the key
 * is stored with the rating, and the retry gets the first rating's id. The death is stood in for by an answer
 * that cannot be kept, and the two-minute takeover by ageing the claim.
 */
@MicronautTest(transactional = false)
class IdempotentRatingCrashTest {

    /** No serialisation is generated for it, so keeping it fails as a killed instance would. */
    record Unkeepable(long id) {
    }

    @Inject
    IdempotentRequests idempotent;
    @Inject
    SatisfactionRecorder recorder;
    @Inject
    DataSource dataSource;

    @Test
    void aRatingStoredBeforeItsInstanceDiedIsNotStoredAgainByTheRetry() {
        RawSql sql = new RawSql(dataSource);
        String key = "rating-crash-" + UUID.randomUUID();
        SatisfactionRecorder.ValidRating rating = recorder.validate(new SatisfactionSubmission(
                "dang-ky-khai-sinh", "hai_long", null, "survey", null, null, null));

        Throwable died = catchThrowable(() -> idempotent.once("satisfaction", key,
                () -> HttpResponse.created(new Unkeepable(recorder.store(rating, key).id()))));
        assertThat(died).isNotNull();
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating WHERE request_key = ?", key)).isEqualTo(1);
        long first = sql.count("SELECT id FROM satisfaction_rating WHERE request_key = ?", key);

        sql.update("UPDATE idempotent_request SET created_at = now() - interval '3 minutes' WHERE key = ?", key);
        HttpResponse<?> retry = idempotent.once("satisfaction", key,
                () -> HttpResponse.created(recorder.store(rating, key)));

        assertThat(retry.getStatus().getCode()).isEqualTo(201);
        assertThat(((RecordedSatisfaction) retry.body()).id()).as("the first rating's id").isEqualTo(first);
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating WHERE request_key = ?", key))
                .as("stored once").isEqualTo(1);
    }
}
