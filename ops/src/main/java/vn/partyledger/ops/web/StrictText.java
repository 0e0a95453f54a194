package vn.partyledger.ops.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.text.Normalizer;

/**
 * Every string of every request body passes here, so no record needs its own annotations for it. A stored event can
 * never be taken back, and a read model that cannot apply one parks it and every later event of the same stream:
 * text is refused unless it is a JSON string of well-formed Unicode (no lone surrogate), free of control characters
 * other than tab and newline (CR LF becomes LF), and within {@link #MAX_LENGTH}. Identifiers (fields named {@code id},
 * {@code …Id} or listed in {@code …Ids}) are shorter and on one line. Accepted text is normalised to NFC: Vietnamese
 * typed on different keyboards arrives composed or decomposed, and "Nguyễn" must equal "Nguyễn" in every comparison
 * and every index.
 */
public final class StrictText extends StdScalarDeserializer<String> {

    /** The longest free text of any command (minutes amendments); tighter limits are declared on the fields. */
    static final int MAX_LENGTH = 4000;
    static final int MAX_ID_LENGTH = 100;

    StrictText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new RefusedInput(p, "must be a JSON string, not " + describe(p.currentToken()));
        }
        try {
            return check(p.getText(), isIdentifier(p));
        } catch (IllegalArgumentException e) {
            throw new RefusedInput(p, e.getMessage());
        }
    }

    /**
     * The text rules of every field a client sends, JSON or web form: no control characters but tab and newline (none
     * in an id), no lone surrogates or non-characters, at most {@link #MAX_LENGTH} (ids {@link #MAX_ID_LENGTH})
     * characters after NFC. Answers the NFC form; throws IllegalArgumentException saying what is wrong.
     */
    public static String check(String raw, boolean identifier) {
        int max = identifier ? MAX_ID_LENGTH : MAX_LENGTH;
        // decomposed Vietnamese takes up to three UTF-16 units per letter before NFC: cut only what cannot fit
        if (raw.length() > max * 4) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        String text = raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("contains a lone surrogate at character " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException("contains a lone surrogate at character " + i);
            }
            boolean control = Character.getType(c) == Character.CONTROL;
            if (control && (identifier || (c != '\t' && c != '\n'))) {
                throw new IllegalArgumentException(
                        String.format("contains the control character U+%04X at character %d", (int) c, i));
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                throw new IllegalArgumentException(String.format("contains the non-character U+%04X", (int) c));
            }
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (normalised.codePointCount(0, normalised.length()) > max) {
            throw new IllegalArgumentException("is longer than " + max + " characters");
        }
        return normalised;
    }

    private static boolean isIdentifier(JsonParser p) {
        String name = p.getParsingContext().inArray() && p.getParsingContext().getParent() != null
                ? p.getParsingContext().getParent().getCurrentName()
                : p.getParsingContext().getCurrentName();
        return name != null && (name.equals("id") || name.endsWith("Id") || name.endsWith("Ids"));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
