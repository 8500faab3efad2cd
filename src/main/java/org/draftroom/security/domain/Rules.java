package org.draftroom.security.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that fields of people, organisations and working groups obey. Each check returns the message key of the
 * problem (with the limit as argument where there is one), or empty when the value is fine. Forms use them to show
 * the message beside the field; services apply them again before writing anything.
 */
public final class Rules {

    public static final int USERNAME_MAX = 64;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int EMAIL_MAX = 200;
    public static final int NAME_MAX = 200;
    public static final int ORG_CODE_MAX = 32;
    public static final int WG_CODE_MAX = 16;
    public static final int TOKEN_NAME_MAX = 100;
    public static final int PASSWORD_MIN = 10;
    /** bcrypt reads at most 72 bytes; a longer password would silently lose its end. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ORG_CODE = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Pattern WG_CODE = Pattern.compile("[A-Z][A-Z0-9-]*");

    private Rules() {
    }

    public record Problem(String key, Object... args) {
    }

    public static Optional<Problem> username(String value) {
        return required(value, USERNAME_MAX).or(() -> USERNAME.matcher(value.trim()).matches()
                ? Optional.empty() : Optional.of(new Problem("validation.username")));
    }

    /**
     * A person's name: required, at most {@value #DISPLAY_NAME_MAX} characters, on one line. Names go into e-mail
     * headers and comment tables, so line breaks and other control characters (which could add headers or forge
     * lines) are refused, not silently removed.
     */
    public static Optional<Problem> displayName(String value) {
        return required(value, DISPLAY_NAME_MAX).or(() -> noControlCharacters(value));
    }

    /** Refuses C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
    public static Optional<Problem> noControlCharacters(String value) {
        if (value != null && value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028
                || c == 0x2029)) {
            return Optional.of(new Problem("validation.control-characters"));
        }
        return Optional.empty();
    }

    public static Optional<Problem> email(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return maxLength(value, EMAIL_MAX).or(() -> EMAIL.matcher(value.trim()).matches()
                ? Optional.empty() : Optional.of(new Problem("validation.email")));
    }

    public static Optional<Problem> password(String value, String username) {
        if (value == null || value.length() < PASSWORD_MIN) {
            return Optional.of(new Problem("validation.password.short", PASSWORD_MIN));
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return Optional.of(new Problem("validation.password.long", PASSWORD_MAX_BYTES));
        }
        if (username != null && !username.isBlank()
                && value.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of(new Problem("validation.password.username"));
        }
        return Optional.empty();
    }

    public static Optional<Problem> name(String value) {
        return required(value, NAME_MAX).or(() -> noControlCharacters(value));
    }

    public static Optional<Problem> organisationCode(String value) {
        return required(value, ORG_CODE_MAX).or(() -> ORG_CODE.matcher(normaliseCode(value)).matches()
                ? Optional.empty() : Optional.of(new Problem("validation.org-code")));
    }

    public static Optional<Problem> workingGroupCode(String value) {
        return required(value, WG_CODE_MAX).or(() -> WG_CODE.matcher(normaliseCode(value)).matches()
                ? Optional.empty() : Optional.of(new Problem("validation.wg-code")));
    }

    public static Optional<Problem> tokenName(String value) {
        return required(value, TOKEN_NAME_MAX);
    }

    /** Codes are stored upper-case and without surrounding spaces. */
    public static String normaliseCode(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    private static Optional<Problem> required(String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(new Problem("validation.required"));
        }
        return maxLength(value, max);
    }

    private static Optional<Problem> maxLength(String value, int max) {
        return value.trim().length() > max ? Optional.of(new Problem("validation.too-long", max)) : Optional.empty();
    }
}
