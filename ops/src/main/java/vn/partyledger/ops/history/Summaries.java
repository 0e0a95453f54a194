package vn.partyledger.ops.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * One line per fact for humans: a template per event type (history/summaries*.properties, Vietnamese by default,
 * English for {@code Accept-Language: en}) filled from the event's payload. Data, not code per call site.
 */
@Component
class Summaries {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9.]+)}");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    String of(String type, JsonNode payload, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("history/summaries",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String template;
        try {
            template = bundle.getString(type);
        } catch (MissingResourceException e) {
            return type;
        }
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode node = payload;
            for (String part : m.group(1).split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            String value = node == null || node.isNull() ? "—" : node.isValueNode() ? node.asText() : node.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
