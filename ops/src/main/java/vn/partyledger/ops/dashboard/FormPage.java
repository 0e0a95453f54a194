package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.ui.Model;
import vn.partyledger.ops.web.Reads;

/**
 * A form page of the setup and membership forms: its template, where it posts, the fields a refusal may be shown
 * next to, and what its template reads besides the form.
 */
record FormPage(String template, String action, List<String> fields, Map<String, Object> attributes) {

    /** The page with what was typed, each error next to its field, and the form's idempotency key. */
    String show(Model model, Map<String, String> form, FormErrors errors, String key, LocalDate today) {
        model.addAllAttributes(attributes);
        model.addAttribute("action", action);
        model.addAttribute("today", today);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.byField());
        return template;
    }

    /**
     * Shape errors show the form again; otherwise the command is sent once per form key (a resubmit after a dropped
     * connection lands on the first submission's page) and a refusal is shown next to its field. A success leads to
     * {@code next} of the position the command's answer carried.
     */
    String submit(FormSubmissions submissions, Labels labels, LocalDate today, Map<String, String> form,
                  FormErrors errors, Model model, HttpServletResponse response, Runnable send,
                  Function<String, String> next) {
        String key = submissions.validKey(form.get("idempotencyKey")).orElse(null);
        if (key == null) {
            errors.add(null, labels.of("form.noKey"));
        }
        if (!errors.isEmpty()) {
            return show(model, form, errors, key == null ? UUID.randomUUID().toString() : key, today);
        }
        return submissions.submit(key, action, errors, send,
                refusal -> FormFields.addRefusal(errors, refusal, labels, fields),
                () -> show(model, form, errors, key, today),
                () -> {
                    String position = response.getHeader(Reads.POSITION);
                    return next.apply(position == null ? "0" : position);
                });
    }
}
