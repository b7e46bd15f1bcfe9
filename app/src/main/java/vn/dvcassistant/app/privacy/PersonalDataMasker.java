package vn.dvcassistant.app.privacy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identity and other personal numbers (9 to 15 digits: old ID, 12-digit identity card, 13-digit
 * codes), Vietnamese phone numbers (mobile 0xx xxx xxxx, landline 02x xxxx xxxx, with +84 or 84 instead
 * of 0) and e-mail addresses before a question is stored. Digits may be full-width or from another
 * script, groups separated by spaces, dots or dashes (with spaces around them too, "0912 - 345 - 678");
 * e-mail addresses may be written with "(at)", "[at]" or "a còng" and hold Vietnamese letters.
 * Masking too much is the safe error.
 */
public final class PersonalDataMasker {

    static final String PHONE = "[số điện thoại]";
    static final String ID_NUMBER = "[số giấy tờ]";
    static final String EMAIL = "[email]";

    /** Between two digits: nothing, spaces, or a dot or dash with spaces around it. */
    private static final String SEP = "(?:[ \\t\\u00a0]*[.\\-\\u2013\\u2014][ \\t\\u00a0]*|[ \\t\\u00a0]+)?";
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\d+])(?:\\+84|84|0)" + SEP + "\\(?\\d\\)?(?:" + SEP + "\\d){8,9}(?![\\d])");
    /** 9 to 15 digits that are not a phone: identity numbers, social insurance and tax codes, bank accounts. */
    private static final Pattern LONG_NUMBER = Pattern.compile("(?<![\\d])\\d(?:" + SEP + "\\d){8,14}(?![\\d])");

    private static final String LOCAL = "[\\p{L}\\p{M}\\p{N}._%+\\-]+";
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}\\-]+";
    private static final String AT = "(?:@|\\s*[(\\[{]\\s*(?:at|@|a còng)\\s*[)\\]}]\\s*|\\s+a còng\\s+)";
    private static final String DOT = "(?:\\.|\\s*[(\\[{]\\s*(?:dot|chấm)\\s*[)\\]}]\\s*|\\s+(?:dot|chấm)\\s+)";
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            LOCAL + AT + LABEL + "(?:" + DOT + LABEL + ")+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The fewest digits a phone number (ten) or a long number (nine) has. */
    private static final int MIN_DIGITS = 9;

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        String masked = asciiDigits(text);
        // Most questions hold neither an e-mail nor nine digits; the patterns below scan every position, so they
        // run only when their match is possible (every chat message is masked before it is stored).
        if (mayHoldEmail(masked)) {
            masked = EMAIL_ADDRESS.matcher(masked).replaceAll(Matcher.quoteReplacement(EMAIL));
        }
        if (digits(masked) < MIN_DIGITS) {
            return masked;
        }
        // Phones first: a landline with +84 has twelve digits and would otherwise pass for an identity number.
        masked = PHONE_NUMBER.matcher(masked).replaceAll(Matcher.quoteReplacement(PHONE));
        return LONG_NUMBER.matcher(masked).replaceAll(Matcher.quoteReplacement(ID_NUMBER));
    }

    /** {@link #EMAIL_ADDRESS} needs "@", a bracket around "at", or "a còng". */
    private static boolean mayHoldEmail(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '(' || c == '[' || c == '{') {
                return true;
            }
        }
        return text.toLowerCase(Locale.ROOT).contains("a còng");
    }

    private static int digits(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n++;
            }
        }
        return n;
    }

    /**
     * Full-width digits (what some phone keyboards type) and digits of other scripts become ASCII, with the
     * full-width plus, at sign and dot, so that the patterns above see them; nothing else in the text changes.
     */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char replacement = c;
            if (c > 0x7f && Character.isDigit(c)) {
                replacement = (char) ('0' + Character.digit(c, 10));
            } else if (c == '\uff0b') {
                replacement = '+';
            } else if (c == '\uff20') {
                replacement = '@';
            } else if (c == '\uff0e') {
                replacement = '.';
            } else if (c == '\uff0d') {
                replacement = '-';
            } else if (c == '\u3000') {
                replacement = ' ';
            }
            if (replacement != c && out == null) {
                out = new StringBuilder(text);
            }
            if (out != null) {
                out.setCharAt(i, replacement);
            }
        }
        return out == null ? text : out.toString();
    }
}
