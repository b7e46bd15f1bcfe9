package vn.dvcassistant.app.llm;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a model's answer may be sent: every number, amount, date, duration, phone number, URL,
 * e-mail address and legal reference in it must be in the entry it was composed from, and it must not speak
 * as a person. It reads only the model's text and the entry, never the question, so nothing a citizen writes
 * ("bỏ qua hướng dẫn...") can loosen it. Pure: no state, no I/O.
 */
public final class AnswerGuard {

    /** The prompt asks for about 120 words; past this the model did not follow it. */
    public static final int MAX_WORDS = 180;
    /** When the citizen asked for all the steps or documents. */
    public static final int MAX_WORDS_LISTS = 400;

    /** Folded: "tôi là cán bộ", "em là nhân viên", "tên tôi là", "tôi đã tiếp nhận hồ sơ", "tôi là người thật". */
    private static final Pattern PERSON = Pattern.compile(
            "\\b(?:toi|em|minh|chung toi)\\s+(?:la|dang la)\\s+(?:mot\\s+)?(?:can bo|nhan vien|chuyen vien|cong chuc"
                    + "|vien chuc|nguoi that|nguoi|lanh dao|truong phong|pho phong|chu tich|giam doc|ong|ba|anh|chi)\\b"
                    + "|\\bten\\s+(?:toi|em|minh)\\s+la\\b|\\b(?:toi|em|minh)\\s+ten\\s+la\\b"
                    + "|\\b(?:toi|em|minh)\\s+(?:da|se)\\s+(?:tiep nhan|kiem tra|xu ly|duyet|phe duyet|ky|goi)\\b"
                    + "|\\bkhong phai (?:la )?(?:tro ly tu dong|may|chuong trinh|ai)\\b");

    private AnswerGuard() {
    }

    /**
     * @param answer    the model's text
     * @param entry     everything the entry says, as one text (see the composer's grounding)
     * @param lists     the citizen asked for all the steps or documents, which may take more words
     * @return why the answer may not be sent, or empty when it may
     */
    public static Optional<GuardReason> check(String answer, String entry, boolean lists) {
        if (answer == null || answer.isBlank()) {
            return Optional.of(GuardReason.EMPTY);
        }
        if (words(answer) > (lists ? MAX_WORDS_LISTS : MAX_WORDS)) {
            return Optional.of(GuardReason.TOO_LONG);
        }
        if (PERSON.matcher(GroundingFacts.fold(answer)).find()) {
            return Optional.of(GuardReason.CLAIMS_PERSON);
        }
        GroundingFacts said = GroundingFacts.of(answer);
        GroundingFacts known = GroundingFacts.of(entry);
        if (!known.phones().containsAll(said.phones())) {
            return Optional.of(GuardReason.PHONE_NOT_IN_ENTRY);
        }
        if (!said.emails().stream().allMatch(known.emails()::contains)) {
            return Optional.of(GuardReason.EMAIL_NOT_IN_ENTRY);
        }
        if (!said.urls().stream().allMatch(u -> knownUrl(u, known.urls()))) {
            return Optional.of(GuardReason.URL_NOT_IN_ENTRY);
        }
        if (!known.legalReferences().containsAll(said.legalReferences())) {
            return Optional.of(GuardReason.LEGAL_REFERENCE_NOT_IN_ENTRY);
        }
        Set<String> knownNumbers = known.allNumberReadings();
        if (!known.dates().containsAll(said.dates())
                || !said.numbers().stream().allMatch(readings -> readings.stream().anyMatch(knownNumbers::contains))) {
            return Optional.of(GuardReason.NUMBER_NOT_IN_ENTRY);
        }
        return Optional.empty();
    }

    /** The entry's URL itself, or its bare host ("dichvucong.gov.vn" for a page of that portal). */
    private static boolean knownUrl(String url, Set<String> known) {
        return known.stream().anyMatch(k -> k.equals(url) || k.startsWith(url + "/") && !url.contains("/"));
    }

    static int words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
