package vn.dvcassistant.app.comments;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Public tracking codes such as {@code GY-7K3M9Q}: six characters from an alphabet without the ones
 * people confuse when reading a code aloud or copying it from paper (0/O, 1/I/L). Random, so a code
 * reveals nothing about how many comments an agency receives and cannot be guessed from another.
 */
public final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("GY-[" + ALPHABET + "]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder("GY-");
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as citizens type it (lower case, spaces) in canonical form, or null when it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
        if (!code.startsWith("GY-") && code.startsWith("GY") && code.length() == 8) {
            code = "GY-" + code.substring(2);
        }
        return FORMAT.matcher(code).matches() ? code : null;
    }
}
