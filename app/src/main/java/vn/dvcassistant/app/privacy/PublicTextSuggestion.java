package vn.dvcassistant.app.privacy;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the masker suggests for the public version of a citizen's text: identity numbers, phones and e-mails
 * ({@link PersonalDataMasker}, already masked when the text was stored) and, found by wording, a person's name
 * after "tôi là", "tên", "ông", "bà", "anh", "chị" and a house address ("số nhà 12", "12 ngõ 34 phố Hàng Bông").
 * The suggestion is the text with all of them replaced; its segments say which parts were replaced and by what,
 * so staff see each suggestion highlighted before they confirm (or correct) the public text.
 *
 * @param text     the suggested public text
 * @param segments the suggested text in order: plain parts ({@code kind} null) and replaced parts
 */
public record PublicTextSuggestion(String text, List<Segment> segments) {

    public static final String NAME = "[họ tên]";
    public static final String ADDRESS = "[địa chỉ]";

    /**
     * @param text     what the public text shows here
     * @param kind     null for the citizen's own words; else {@code name}, {@code address} (removed by this
     *                 suggestion) or {@code phone}, {@code id}, {@code email} (masked on receipt)
     * @param original the words a name or address suggestion removes (null when masked on receipt: not kept)
     */
    public record Segment(String text, @Nullable String kind, @Nullable String original) {
        public boolean suggested() {
            return kind != null;
        }
    }

    /** A capitalised word: "Nguyễn", "Thị" (not "UBND": all capitals is an abbreviation, not a name). */
    private static final String WORD = "\\p{Lu}[\\p{Ll}\\p{M}]*";
    private static final String NAME_WORDS = WORD + "(?:[ \\t]+" + WORD + "){0,4}";
    private static final Pattern PERSON = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(?iu:tên tôi là|họ và tên|họ tên|tôi tên là|tôi tên|tên là|tôi là|tên|ông|bà|anh|chị)"
                    + "[ \\t]*:?[ \\t]+(" + NAME_WORDS + ")");
    /** Title words that follow "ông"/"bà" but are not a name: "ông Chủ tịch" keeps its words. */
    private static final Set<String> TITLES = Set.of("Chủ", "Phó", "Giám", "Trưởng", "Bí", "Cán", "Công", "Tổ",
            "Ủy", "Uỷ", "Thủ", "Trợ", "Người", "Hội");

    private static final String HOUSE = "\\d+[A-Za-z]?(?:/\\d+[A-Za-z]?)*";
    private static final String STREET = "(?iu:ngõ|ngách|hẻm|kiệt|đường|phố)[ \\t]+(?:" + HOUSE + "|" + NAME_WORDS + ")";
    private static final String STREETS = STREET + "(?:[ \\t]*,?[ \\t]*" + STREET + ")*";
    private static final Pattern ADDRESS_PATTERN = Pattern.compile("(?<![\\p{L}\\p{M}\\d/])(?:"
            + "(?iu:số nhà|nhà số)[ \\t]*" + HOUSE + "(?:[ \\t]*,?[ \\t]*" + STREETS + ")?"
            + "|(?:(?iu:số)[ \\t]*)?" + HOUSE + "[ \\t]*,?[ \\t]*" + STREETS
            + "|" + STREETS + ")");
    private static final Pattern MASKED = Pattern.compile(Pattern.quote(PersonalDataMasker.PHONE) + "|"
            + Pattern.quote(PersonalDataMasker.ID_NUMBER) + "|" + Pattern.quote(PersonalDataMasker.EMAIL));

    public PublicTextSuggestion {
        segments = List.copyOf(segments);
    }

    /** The suggestion for {@code text}, as stored (masked again here: masking twice changes nothing). */
    public static PublicTextSuggestion of(String text) {
        String masked = PersonalDataMasker.mask(text);
        List<Found> found = new ArrayList<>();
        Matcher address = ADDRESS_PATTERN.matcher(masked);
        while (address.find()) {
            found.add(new Found(address.start(), address.end(), "address", ADDRESS));
        }
        Matcher person = PERSON.matcher(masked);
        while (person.find()) {
            int start = person.start(1);
            int end = nameEnd(masked, start, person.end(1));
            if (end > start) {
                found.add(new Found(start, end, "name", NAME));
            }
        }
        Matcher numbers = MASKED.matcher(masked);
        while (numbers.find()) {
            found.add(new Found(numbers.start(), numbers.end(), kindOf(numbers.group()), null));
        }
        found.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        List<Segment> segments = new ArrayList<>();
        StringBuilder suggested = new StringBuilder();
        int at = 0;
        for (Found f : found) {
            if (f.start < at) {
                continue; // inside a longer suggestion already taken
            }
            if (f.start > at) {
                segments.add(new Segment(masked.substring(at, f.start), null, null));
            }
            String original = masked.substring(f.start, f.end);
            String shown = f.replacement == null ? original : f.replacement;
            segments.add(new Segment(shown, f.kind, f.replacement == null ? null : original));
            at = f.end;
        }
        if (at < masked.length()) {
            segments.add(new Segment(masked.substring(at), null, null));
        }
        segments.forEach(s -> suggested.append(s.text()));
        return new PublicTextSuggestion(suggested.toString(), segments);
    }

    /** Stops before the first title word: "ông Chủ tịch" is no name, "bà Lê Thị Hoa Trưởng" keeps "Trưởng". */
    private static int nameEnd(String text, int start, int end) {
        Matcher word = Pattern.compile(WORD).matcher(text).region(start, end);
        int last = start;
        while (word.find()) {
            if (TITLES.contains(word.group())) {
                break;
            }
            last = word.end();
        }
        return last;
    }

    private static String kindOf(String placeholder) {
        return switch (placeholder) {
            case PersonalDataMasker.PHONE -> "phone";
            case PersonalDataMasker.ID_NUMBER -> "id";
            default -> "email";
        };
    }

    private record Found(int start, int end, String kind, @Nullable String replacement) {
    }
}
