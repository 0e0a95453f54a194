package vn.partyledger.ops.dashboard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;
import vn.partyledger.api.rules.Refusal;
import vn.partyledger.ops.web.AuthorityDto;

/**
 * The fields of a submitted form read with the API's shape rules (required, length, dates from 1900 up to today or
 * before it), each failure added next to its field in the page's language. The text itself was already checked and
 * NFC-normalised for every form by the web filter (the API's text rules).
 */
final class FormFields {

    private final Map<String, String> form;
    private final FormErrors errors;
    private final Labels labels;
    private final LocalDate today;

    FormFields(Map<String, String> form, FormErrors errors, Labels labels, LocalDate today) {
        this.form = form;
        this.errors = errors;
        this.labels = labels;
        this.today = today;
    }

    /** Stripped text, null when empty. */
    String text(String name, int max, boolean required) {
        String value = form.get(name);
        value = value == null || value.isBlank() ? null : value.strip();
        if (value == null && required) {
            errors.add(name, labels.of("form.required"));
        } else if (value != null && value.codePointCount(0, value.length()) > max) {
            errors.add(name, labels.of("form.tooLong", max));
            return null;
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max} ({@link Integer#MAX_VALUE}: no upper bound), required. */
    Integer whole(String name, int min, int max) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            errors.add(name, labels.of("form.required"));
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(name, labels.of("form.badNumber"));
            return null;
        }
        if (n < min || n > max) {
            errors.add(name, max == Integer.MAX_VALUE ? labels.of("form.atLeast", min)
                    : labels.of("form.between", min, max));
            return null;
        }
        return n;
    }

    /**
     * The optional decision behind a fact, under {@code prefix.}: all empty is none; any field filled needs its number
     * and issuer, as the API's {@code authority} object does (an issuer or a date alone is refused, not dropped).
     */
    AuthorityDto authority(String prefix) {
        boolean given = Stream.of(".docNo", ".issuer", ".issuedOn").map(f -> form.get(prefix + f))
                .anyMatch(v -> v != null && !v.isBlank());
        String docNo = text(prefix + ".docNo", 100, given);
        String issuer = text(prefix + ".issuer", 200, given);
        LocalDate issuedOn = date(prefix + ".issuedOn", false, false);
        return docNo == null || issuer == null ? null : new AuthorityDto(docNo, issuer, issuedOn);
    }

    /** A date not after today ({@code strictlyPast}: before today, as a birth date). */
    LocalDate date(String name, boolean required, boolean strictlyPast) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(name, labels.of("form.required"));
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (RuntimeException e) {
            errors.add(name, labels.of("form.badDate"));
            return null;
        }
        if (date.getYear() < 1900) {
            errors.add(name, labels.of("form.badDate"));
            return null;
        }
        if (strictlyPast ? !date.isBefore(today) : date.isAfter(today)) {
            errors.add(name, labels.of(strictlyPast ? "form.notPast" : "form.future"));
            return null;
        }
        return date;
    }

    <E extends Enum<E>> E choice(Class<E> type, String name, boolean required) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(name, labels.of("form.choose"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(name, labels.of("form.choose"));
            return null;
        }
    }

    /**
     * A refusal next to its field when the form shows that field, otherwise at the top of the form: a rule may name a
     * field of the command that the form fills by itself (the cell, the member).
     */
    static void addRefusal(FormErrors errors, Refusal r, Labels labels, Collection<String> shownFields) {
        Refusal placed = r.field() != null && shownFields.contains(r.field()) ? r
                : new Refusal(r.kind(), null, r.message(), r.rule(), r.basis());
        errors.add(placed, labels);
    }
}
