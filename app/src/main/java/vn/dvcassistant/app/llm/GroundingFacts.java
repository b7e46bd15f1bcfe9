package vn.dvcassistant.app.llm;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkable facts of a text, normalised so that two ways of writing one fact compare equal: numbers
 * ("1.000.000" = "1000000" = "1 triệu", "15" = "mười lăm" before a unit, "03" = "3"), dates ("01/07/2025" =
 * "1/7/2025"), phone numbers (digits only), URLs (no scheme, "www." or trailing slash), e-mail addresses
 * and legal reference numbers ("123/2015/NĐ-CP" = "123/2015/nd-cp").
 *
 * @param numbers each number in the text, as every value it can be read as (both readings of "1,500"; "2 triệu"
 *                as 2000000)
 */
record GroundingFacts(List<Set<String>> numbers, Set<String> dates, Set<String> phones, Set<String> urls,
                      Set<String> emails, Set<String> legalReferences) {

    private static final Pattern URL = Pattern.compile(
            "(?:https?://|www\\.)[^\\s<>\"()]+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:vn|com|gov|org|net)\\b(?:/[^\\s<>\"()]*)?");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** 123/2015/NĐ-CP, 04/2020/TT-BTP, 60/2014/QH13, 1234/QĐ-UBND. */
    private static final Pattern LEGAL = Pattern.compile(
            "\\b\\d{1,5}(?:/\\d{4})?/[a-z]{1,6}\\d{0,2}(?:-[a-z0-9]{1,10})*\\b");
    /** Hotlines (1900 xxxx, 1800 xxxx) and Vietnamese phone numbers, with spaces, dots or dashes. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d])(?:(?:\\+84|84|0)(?:[ .\\-]?\\d){8,10}|1[89]00(?:[ .\\-]?\\d){4,6})(?![\\d])");
    private static final Pattern DATE = Pattern.compile("(?<![\\d/])(\\d{1,2})[/\\-.](\\d{1,2})[/\\-.](\\d{4})(?![\\d/])");
    /** "ngày 1 tháng 7 năm 2025", folded. */
    private static final Pattern DATE_IN_WORDS = Pattern.compile("\\bngay (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})\\b");
    /** 1.000.000 and 1,000,000 (groups of three), 1,5 and 2.5 (decimals), 15. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d])(\\d{1,3}(?:[.,]\\d{3})+|\\d+(?:[.,]\\d+)?)(?![\\d])(?:\\s*(nghin|ngan|trieu|ty|ti|k)\\b)?");
    private static final Pattern PUNCTUATION = Pattern.compile("(?<!\\d)[,.;:!?()\\[\\]\"«»]|[,.;:!?()\\[\\]\"«»](?!\\d)");
    /** Numbers that only count the lines of a list: "1. ", "2) ", "Bước 3". */
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s+|\\bbuoc\\s+\\d{1,2}\\b");

    /** Every value any number of this text can be read as. */
    Set<String> allNumberReadings() {
        Set<String> all = new HashSet<>();
        numbers.forEach(all::addAll);
        return all;
    }

    static GroundingFacts of(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Set<String> urls = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> legal = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> dates = new LinkedHashSet<>();
        List<Set<String>> numbers = new ArrayList<>();

        String rest = take(EMAIL, lower, m -> emails.add(m.group()));
        rest = take(URL, rest, m -> urls.add(url(m.group())));
        String folded = fold(rest);
        rest = take(LEGAL, folded, m -> {
            legal.add(m.group());
            addNumbers(m.group(), numbers); // "Nghị định 123" alone must still find 123 in "123/2015/ND-CP"
        });
        rest = take(PHONE, rest, m -> phones.add(m.group().replaceAll("\\D", "").replaceFirst("^84", "0")));
        rest = take(DATE, rest, m -> {
            dates.add(Integer.parseInt(m.group(1)) + "/" + Integer.parseInt(m.group(2)) + "/" + m.group(3));
        });
        rest = take(DATE_IN_WORDS, rest, m ->
                dates.add(Integer.parseInt(m.group(1)) + "/" + Integer.parseInt(m.group(2)) + "/" + m.group(3)));
        rest = LIST_MARKER.matcher(rest).replaceAll(" ");
        // Punctuation apart from the words it ends ("mười lăm ngày,"), but not inside a number ("1.000").
        rest = PUNCTUATION.matcher(rest).replaceAll(" $0 ").replaceAll("\\s+", " ");
        addNumbers(VietnameseNumbers.toDigits(rest), numbers);
        return new GroundingFacts(numbers, dates, phones, urls, emails, legal);
    }

    /** The readings of each number in {@code text}, multiplied when "nghìn", "triệu" or "tỷ" follows. */
    private static void addNumbers(String text, List<Set<String>> into) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            long multiplier = m.group(2) == null ? 1 : switch (m.group(2)) {
                case "nghin", "ngan", "k" -> 1_000L;
                case "trieu" -> 1_000_000L;
                default -> 1_000_000_000L;
            };
            Set<String> values = new HashSet<>();
            for (BigDecimal value : readings(m.group(1))) {
                // "2 triệu" is two million only: the 2 of "mức 2" must not vouch for it.
                values.add(plain(value.multiply(BigDecimal.valueOf(multiplier))));
            }
            into.add(values);
        }
    }

    /** "1.000" is a thousand or one; "1,5" one and a half; both readings are kept. */
    private static Set<BigDecimal> readings(String number) {
        Set<BigDecimal> out = new HashSet<>();
        if (number.matches("\\d{1,3}(?:[.,]\\d{3})+")) {
            out.add(new BigDecimal(number.replaceAll("[.,]", "")));
        }
        if (number.matches("\\d+[.,]\\d+")) {
            out.add(new BigDecimal(number.replace(',', '.')));
        }
        if (number.matches("\\d+")) {
            out.add(new BigDecimal(number));
        }
        return out;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String url(String url) {
        String u = url.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        u = u.replaceAll("[.,;:!?)»\"']+$", "");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Lower case without diacritics, "đ" as "d"; digits, punctuation and spacing kept. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c);
        }
        return out.toString().replaceAll("[ \\t\\u00a0]+", " ");
    }

    private static String take(Pattern pattern, String text, java.util.function.Consumer<Matcher> found) {
        Matcher m = pattern.matcher(text);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            found.accept(m);
            m.appendReplacement(rest, " ");
        }
        m.appendTail(rest);
        return rest.toString();
    }
}
