package vn.partyledger.ops.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The query string read as strictly as a body. Tomcat drops a parameter whose percent-encoding is broken (a reader
 * asking for one user's accesses got everyone's) and reads bytes that are not UTF-8 as U+FFFD; a NUL reached
 * PostgreSQL and came back as a 500. Here every name and value must be well-formed percent-encoded UTF-8 and obey
 * the text rules of a body's fields ({@link StrictText#check}).
 */
final class QueryText {

    /** A refused parameter: its name as far as it could be read, and what is wrong. */
    record Refusal(String field, String message) {
    }

    private QueryText() {
    }

    static Optional<Refusal> refusal(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = StrictText.check(decode(rawName), true);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Refusal("query", "a parameter name " + e.getMessage()));
            }
            if (eq >= 0) {
                try {
                    StrictText.check(decode(pair.substring(eq + 1)), false);
                } catch (IllegalArgumentException e) {
                    return Optional.of(new Refusal(name, e.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    /** An ASCII hex digit's value, else -1 (Character.digit also reads fullwidth and other scripts' digits). */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Form decoding ({@code +} is a space), refusing a broken escape or bytes that are not UTF-8. */
    private static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int plain = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '+' && c != '%') {
                continue;
            }
            bytes.writeBytes(raw.substring(plain, i).getBytes(StandardCharsets.UTF_8));
            if (c == '+') {
                bytes.write(' ');
            } else {
                int hi = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : hex(raw.charAt(i + 2));
                if (lo < 0) {
                    throw new IllegalArgumentException("has a broken percent-encoding at character " + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            }
            plain = i + 1;
        }
        bytes.writeBytes(raw.substring(plain).getBytes(StandardCharsets.UTF_8));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 text");
        }
    }
}
