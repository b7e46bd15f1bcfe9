package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An answer's structure, for clients that render it in their own format (web cards, Telegram
 * HTML, Zalo plain text). Every text is Vietnamese from the knowledge-base entry.
 *
 * @param title          the procedure's name
 * @param summary        the direct answer, shown first
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
        String summary,
        List<String> steps,
        List<String> documents,
        String fee,
        String processingTime,
        String authority,
        String online,
        String officialUrl,
        @Nullable String focus) {
}
