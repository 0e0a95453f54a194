package vn.partyledger.ops.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be. bcrypt reads only the first 72 bytes (and Spring's encoder refuses longer input), so a
 * longer password is refused with a clear message rather than silently truncated; UTF-8 Vietnamese letters take two or
 * three bytes each. Strength: at least 12 characters drawn from at least three kinds (lower case, upper case, digits,
 * other) — or a passphrase of 20 characters or more — and not containing the user name.
 */
public final class PasswordRules {

    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 12;
    public static final int PASSPHRASE_LENGTH = 20;

    private PasswordRules() {
    }

    /** The reason the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        if (tooLongForBcrypt(password)) {
            return Optional.of("is longer than " + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("needs at least " + MIN_LENGTH + " characters");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("must not contain the user name");
        }
        if (length < PASSPHRASE_LENGTH && kinds(password) < 3) {
            return Optional.of("needs three of: lower case, upper case, digits, other characters"
                    + " (or " + PASSPHRASE_LENGTH + " characters or more)");
        }
        return Optional.empty();
    }

    static boolean tooLongForBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static int kinds(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int cp : password.codePoints().toArray()) {
            if (Character.isLowerCase(cp)) {
                lower = true;
            } else if (Character.isUpperCase(cp)) {
                upper = true;
            } else if (Character.isDigit(cp)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
