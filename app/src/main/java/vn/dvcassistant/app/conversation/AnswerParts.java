package vn.dvcassistant.app.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An answer's structure, for clients that render it in their own format (web cards, Telegram
 * HTML, Zalo plain text). Every text is Vietnamese from the knowledge-base entry.
 *
 * @param title          the procedure's name
 * @param kind           "procedure" or "information"; an information topic has no fee, time, authority
 *                       or online level (those are null)
 * @param shortAnswer    the first reply, at most 40 words ({@code short} in JSON); the summary when the
 *                       entry has no short answer yet
 * @param summary        the direct answer, longer
 * @param steps          what to do, in order (unnumbered; the client numbers them)
 * @param documents      what to prepare
 * @param fee            confirmed amount, or where to check it
 * @param processingTime confirmed time, or where to check it
 * @param authority      who handles it
 * @param online         "toàn trình", "một phần" or "không"
 * @param officialUrl    the official page to open
 * @param focus          the facet the question asked about (fee, time, documents, steps, authority,
 *                       online), or null for a full answer; a client may show that part first
 */
@Serdeable
public record AnswerParts(
        String title,
        String kind,
        @JsonProperty("short") String shortAnswer,
        String summary,
        List<String> steps,
        List<String> documents,
        @Nullable String fee,
        @Nullable String processingTime,
        @Nullable String authority,
        @Nullable String online,
        String officialUrl,
        @Nullable String focus) {
}
