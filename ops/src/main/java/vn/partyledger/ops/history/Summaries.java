package vn.partyledger.ops.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One line per fact for humans: a template per event type (history/summaries*.properties, Vietnamese by default,
 * English for {@code Accept-Language: en}) filled from the event's payload. Data, not code per call site.
 *
 * <p>{@code {field}} is the payload's value as stored. {@code {field:member}}, {@code {field:organization}} and
 * {@code {field:subject}} (either) show the member or organisation the id names ({@link Names}; the id itself when the
 * ledger knows no name for it), and
 * {@code {field:Type}} the dashboard's label of an enum value ({@code enum.Type.VALUE} in messages*.properties): an
 * inspector reads "Lường Thị Mai: Vắng có lý do", not an id and a constant.
 */
@Component
class Summaries {

    /** The kinds of id a template may show by name. */
    private static final Set<String> NAMED = Set.of("member", "organization", "subject");
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9.]+)(?::([A-Za-z]+))?}");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    Summaries(MessageSource messages) {
        this.messages = messages;
    }

    /** Names of the members and organisations a page's facts refer to, by id (ids are unique across both). */
    record Names(Map<String, String> byId) {
        static final Names NONE = new Names(Map.of());
    }

    String of(String type, JsonNode payload, Locale locale, Names names) {
        Locale language = language(locale);
        String template = template(type, language);
        if (template == null) {
            return type;
        }
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode node = value(payload, m.group(1));
            String value = node == null || node.isNull() ? "—" : node.isValueNode() ? node.asText() : node.toString();
            String kind = m.group(2);
            if (node != null && node.isTextual() && kind != null) {
                value = NAMED.contains(kind) ? names.byId().getOrDefault(value, value)
                        : messages.getMessage("enum." + kind + "." + value, null, value, language);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The ids a fact's summary shows by name, read from the Vietnamese template, which every language's follow. */
    Set<String> references(String type, JsonNode payload) {
        String template = template(type, VIETNAMESE);
        Set<String> ids = new HashSet<>();
        if (template == null) {
            return ids;
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            JsonNode node = value(payload, m.group(1));
            if (m.group(2) != null && NAMED.contains(m.group(2)) && node != null && node.isTextual()) {
                ids.add(node.asText());
            }
        }
        return ids;
    }

    private static JsonNode value(JsonNode payload, String path) {
        JsonNode node = payload;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static String template(String type, Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle("history/summaries", language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(type);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }
}
