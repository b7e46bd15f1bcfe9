package vn.dvcassistant.app.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An instance that stores a comment and dies before keeping the answer for its Idempotency-Key must not
 * leave the comment behind: the client's retry (on another instance, once the key is taken over) would store
 * it a second time. Found by MultiInstanceDeploymentTest killing an instance under load. Here the instance's
 * death is stood in for by an answer that cannot be kept.
 */
@MicronautTest(transactional = false)
class IdempotentCrashTest {

    /** No serialisation is generated for it, so keeping it fails as a killed instance would. */
    record Unkeepable(String code) {
    }

    @Inject
    IdempotentRequests idempotent;
    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;

    @Test
    void aCommentWhoseAnswerWasNotKeptIsNotStoredSoTheRetryStoresItOnce() {
        RawSql sql = new RawSql(dataSource);
        String text = "Góp ý thử khi máy chủ dừng " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String key = "crash-" + UUID.randomUUID();
        CommentSubmission submission = new CommentSubmission(text, null, "ho-tich", "web", false, null, null, null, null);

        Throwable died = catchThrowable(() -> idempotent.onceWithRecord("comment", key,
                () -> HttpResponse.created(new Unkeepable(comments.submit(submission).code()))));
        assertThat(died).isNotNull();
        assertThat(sql.count("SELECT count(*) FROM citizen_comment WHERE text = ?", text))
                .as("nothing stored without its kept answer").isZero();

        HttpResponse<?> retry = idempotent.onceWithRecord("comment", key, () -> HttpResponse.created(comments.submit(submission)));
        assertThat(retry.getStatus().getCode()).isEqualTo(201);
        assertThat(sql.count("SELECT count(*) FROM citizen_comment WHERE text = ?", text)).isEqualTo(1);
    }
}
