package vn.dvcassistant.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * One curated knowledge-base entry: a procedure or a question about using online public services,
 * loaded from {@code content/<field>/<id>.yml}.
 *
 * @param fee            free text; says where to check when the amount is not confirmed
 * @param processingTime free text; says where to check when the time is not confirmed
 * @param officialUrl    the page a citizen should open (absolute http(s) URL)
 * @param questions      ways people ask for this topic; indexed for search
 * @param keywords       aliases and abbreviations; indexed for search
 * @param sources        where the facts come from
 * @param reviewBy       date after which the entry is stale and must be reviewed
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
        LocalDate reviewBy) {

    public Topic {
        steps = List.copyOf(steps);
        documents = List.copyOf(documents);
        legalBasis = List.copyOf(legalBasis);
        questions = List.copyOf(questions);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
    }

    public boolean isStaleOn(LocalDate day) {
        return day.isAfter(reviewBy);
    }
}
