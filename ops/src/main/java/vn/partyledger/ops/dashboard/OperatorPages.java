package vn.partyledger.ops.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.partyledger.ops.processors.ProcessorAdmin;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Operators: every read model's and lookup's position, lag and dead letters, the progress of a rebuild (its green
 * processor listed beside the live one), and starting a rebuild. The dead letters come a page at a time (a mass
 * failure can park every event of a read model), each with a button that retries it after the fix.
 */
@Controller
class OperatorPages extends Pages {

    static final int LETTERS_PER_PAGE = 50;

    private final ProcessorAdmin admin;
    private final Labels labels;

    OperatorPages(ProcessorAdmin admin, Labels labels) {
        this.admin = admin;
        this.labels = labels;
    }

    @GetMapping("/web/ops")
    Object processors(@RequestParam(required = false) String format, @RequestParam(required = false) String table,
                      @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                      Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        int p = number(page, "page", 0, 100_000, 0, errors, labels);
        int n = number(size, "size", 1, 1_000, LETTERS_PER_PAGE, errors, labels);
        if (exporting(format) && "dead-letters".equals(table)) {
            return export(deadLetters(admin.deadLetters(0, HistoryPages.EXPORT_MAX)), format, "su-kien-loi");
        }
        Table processors = processors();
        if (exporting(format)) {
            return export(processors, format, "van-hanh");
        }
        ProcessorAdmin.DeadLetterPage letters = admin.deadLetters(p, n);
        model.addAttribute("table", processors);
        model.addAttribute("deadLetters", deadLetters(letters));
        model.addAttribute("errors", errors);
        model.addAttribute("page", p);
        model.addAttribute("hasPrevious", p > 0);
        model.addAttribute("hasNext", (long) (p + 1) * n < letters.total());
        model.addAttribute("query", size == null || errors.containsKey("size") ? "" : "size=" + n + "&");
        return "ops";
    }

    private Table processors() {
        List<List<Object>> rows = new ArrayList<>();
        for (ProcessorAdmin.ProcessorStatus p : admin.list()) {
            ProcessorAdmin.ReplayProgress progress = p.rebuild();
            String replay = "";
            if (progress != null && progress.finished()) {
                replay = labels.of("ops.replayDone");
            } else if (progress != null) {
                replay = labels.of("ops.rebuilding", String.format("%.1f", progress.percent()), progress.done(),
                        progress.total(), progress.eventsPerSecond() == null ? "–"
                                : String.format("%.0f", progress.eventsPerSecond()),
                        progress.etaSeconds() == null ? "–" : progress.etaSeconds());
            }
            rows.add(List.of(p.name(), p.mode(), labels.yesNo(p.running()), p.position() == null ? "" : p.position(),
                    p.head(), p.lag() == null ? "" : p.lag(), p.deadLetters(), replay));
        }
        return new Table("processors", labels.of("ops.processors"), List.of(labels.of("col.processor"),
                labels.of("col.mode"), labels.of("col.running"), labels.of("col.position"), labels.of("col.head"),
                labels.of("col.lag"), labels.of("col.deadLetters"), labels.of("col.replay")), rows);
    }

    /** One page of dead letters; its title says which of how many it holds, so an export cut short says so too. */
    private Table deadLetters(ProcessorAdmin.DeadLetterPage page) {
        List<List<Object>> rows = new ArrayList<>();
        long no = (long) page.page() * page.size();
        for (ProcessorAdmin.DeadLetterView d : page.items()) {
            rows.add(List.of(++no, d.processingGroup(), d.eventIdentifier(), d.payloadType(),
                    d.cause() == null ? "" : d.cause(), String.valueOf(d.enqueuedAt())));
        }
        String title = page.items().isEmpty() ? labels.of("ops.deadLetters")
                : labels.of("ops.deadLettersShown", labels.of("ops.deadLetters"), no - page.items().size() + 1, no,
                        page.total());
        return new Table("dead-letters", title, List.of(labels.of("col.no"), labels.of("col.processor"),
                labels.of("col.event"), labels.of("col.payloadType"), labels.of("col.cause"),
                labels.of("col.enqueuedAt")), rows);
    }

    @PostMapping("/web/ops/processors/{name}/replay")
    String replay(@PathVariable String name) {
        admin.replay(name);
        return "redirect:/web/ops";
    }

    /**
     * Retries the dead-letter sequence that starts with the event, as {@code POST /api/v1/ops/dead-letters/{id}/retry}
     * does, and says on the list whether it went through, is still failing, or had already gone.
     */
    @PostMapping("/web/ops/dead-letters/{eventId}/retry")
    String retry(@PathVariable String eventId, RedirectAttributes flash) {
        String outcome;
        try {
            outcome = admin.retry(eventId) ? "ops.retried" : "ops.retryFailed";
        } catch (UnknownResourceException gone) {
            outcome = "ops.retryGone";
        }
        flash.addFlashAttribute("retried", labels.of(outcome, eventId));
        return "redirect:/web/ops";
    }
}
