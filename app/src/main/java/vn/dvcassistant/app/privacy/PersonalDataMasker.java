package vn.dvcassistant.app.privacy;

import java.util.regex.Pattern;

/**
 * Masks identity-card numbers (9-digit old ID, 12-digit identity card) and Vietnamese phone numbers
 * (mobile 0xx xxx xxxx, landline 02x xxxx xxxx, with +84 or 84 instead of 0) before a question is stored.
 * Groups may be separated by spaces, dots or dashes. Masking too much is the safe error.
 */
public final class PersonalDataMasker {

    static final String PHONE = "[số điện thoại]";
    static final String ID_NUMBER = "[số giấy tờ]";
    static final String EMAIL = "[email]";

    private static final String SEP = "[ .\\-]?";
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\d+])(?:\\+84|84|0)" + SEP + "\\(?\\d\\)?(?:" + SEP + "\\d){8,9}(?!\\d)");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(?<!\\d)\\d(?:" + SEP + "\\d){11}(?!\\d)");
    private static final Pattern NINE_DIGITS = Pattern.compile("(?<!\\d)\\d(?:" + SEP + "\\d){8}(?!\\d)");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private PersonalDataMasker() {
    }

    public static String mask(String text) {
        String masked = EMAIL_ADDRESS.matcher(text).replaceAll(EMAIL);
        // Phones first: a landline with +84 has twelve digits and would otherwise pass for an identity number.
        masked = PHONE_NUMBER.matcher(masked).replaceAll(PHONE);
        masked = TWELVE_DIGITS.matcher(masked).replaceAll(ID_NUMBER);
        return NINE_DIGITS.matcher(masked).replaceAll(ID_NUMBER);
    }
}
