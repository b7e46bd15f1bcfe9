package vn.dvcassistant.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * One curated knowledge-base entry: a procedure or a question about using online public services,
 * loaded from {@code content/<field>/<id>.yml}.
 *
 * @param authority      who handles it; null for an information topic
 * @param online         how far it can be done online; null for an information topic
 * @param fee            free text; says where to check when the amount is not confirmed; null for an
 *                       information topic
 * @param processingTime free text; says where to check when the time is not confirmed; null for an
 *                       information topic
 * @param officialUrl    the page a citizen should open (absolute http(s) URL)
 * @param questions      ways people ask for this topic; indexed for search
 * @param keywords       aliases and abbreviations; indexed for search
 * @param sources        where the facts come from
 * @param reviewBy       date after which the entry is stale and must be reviewed
 * @param kind           a procedure, or an information topic without authority, fee, time or online level
 * @param shortAnswer    the first reply: at most 40 words in at most 3 sentences; null when the entry has
 *                       none yet (the summary is used instead)
 * @param procedureCodes the national procedure codes (mã TTHC) the entry covers, as a source gives them;
 *                       shown as text, never turned into a link
 * @param deadline       a deadline the entry states, for reminders; null when it states none
 */
public record Topic(
        String id,
        String title,
        Field field,
        String authority,
        OnlineLevel online,
        String summary,
        List<String> steps,
        List<String> documents,
        String fee,
        String processingTime,
        List<String> legalBasis,
        String officialUrl,
        List<String> questions,
        List<String> keywords,
        List<String> sources,
        LocalDate reviewed,
        LocalDate reviewBy,
        TopicKind kind,
        String shortAnswer,
        List<String> procedureCodes,
        Deadline deadline) {

    /** An entry without a deadline (most of them). */
    public Topic(String id, String title, Field field, String authority, OnlineLevel online, String summary,
                 List<String> steps, List<String> documents, String fee, String processingTime,
                 List<String> legalBasis, String officialUrl, List<String> questions, List<String> keywords,
                 List<String> sources, LocalDate reviewed, LocalDate reviewBy, TopicKind kind, String shortAnswer,
                 List<String> procedureCodes) {
        this(id, title, field, authority, online, summary, steps, documents, fee, processingTime, legalBasis,
                officialUrl, questions, keywords, sources, reviewed, reviewBy, kind, shortAnswer, procedureCodes, null);
    }

    public Topic {
        steps = List.copyOf(steps);
        documents = List.copyOf(documents);
        legalBasis = List.copyOf(legalBasis);
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
        procedureCodes = List.copyOf(procedureCodes);
    }

    public boolean isProcedure() {
        return kind == TopicKind.PROCEDURE;
    }

    /** The first reply: the short answer when the entry has one, else the summary. */
    public String firstReply() {
        return shortAnswer != null ? shortAnswer : summary;
    }

    public boolean isStaleOn(LocalDate day) {
        return day.isAfter(reviewBy);
    }
}
