package vn.dvcassistant.app.comments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Map;

/**
 * {@code dvc.feedback.comments}.
 *
 * @param routing       field code → agency code that answers comments about that field; a field not
 *                      listed goes to the first agency in {@code dvc.agencies} handling it, then to
 *                      {@code defaultAgency}
 * @param defaultAgency the agency that receives what nothing else routes (e.g. the provincial office)
 * @param questionAnswerDays working days staff have to answer a question handed over from the chat
 */
@ConfigurationProperties("dvc.feedback.comments")
public record CommentSettings(
        @Nullable Map<String, String> routing,
        @Nullable String defaultAgency,
        @Bindable(defaultValue = "4000") int maxLength,
        @Bindable(defaultValue = "5") int questionAnswerDays) {

    public CommentSettings {
        routing = routing == null ? Map.of() : Map.copyOf(routing);
        if (questionAnswerDays < 1) {
            throw new io.micronaut.context.exceptions.ConfigurationException(
                    "dvc.feedback.comments.question-answer-days must be at least 1");
        }
    }
}
