package vn.partyledger.ops.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.ops.processors.ProcessorAdmin;

/**
 * Operators: every read model's and lookup's position, lag and dead letters, the progress of a rebuild (its green
 * processor listed beside the live one), and starting a rebuild.
 */
@Controller
class OperatorPages extends Pages {

    private final ProcessorAdmin admin;
    private final Labels labels;

    OperatorPages(ProcessorAdmin admin, Labels labels) {
        this.admin = admin;
        this.labels = labels;
    }

    @GetMapping("/web/ops")
    Object processors(@RequestParam(required = false) String format, @RequestParam(required = false) String table,
                      Model model) {
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
        Table processors = new Table("processors", labels.of("ops.processors"), List.of(labels.of("col.processor"),
                labels.of("col.mode"), labels.of("col.running"), labels.of("col.position"), labels.of("col.head"),
                labels.of("col.lag"), labels.of("col.deadLetters"), labels.of("col.replay")), rows);
        List<List<Object>> letters = new ArrayList<>();
        for (ProcessorAdmin.DeadLetterView d : admin.deadLetters()) {
            letters.add(List.of(d.processingGroup(), d.eventIdentifier(), d.payloadType(),
                    d.cause() == null ? "" : d.cause(), String.valueOf(d.enqueuedAt())));
        }
        Table deadLetters = new Table("dead-letters", labels.of("ops.deadLetters"), List.of(
                labels.of("col.processor"), labels.of("col.event"), labels.of("col.payloadType"),
                labels.of("col.cause"), labels.of("col.enqueuedAt")), letters);
        if (exporting(format)) {
            return export("dead-letters".equals(table) ? deadLetters : processors, format, "van-hanh");
        }
        model.addAttribute("table", processors);
        model.addAttribute("deadLetters", deadLetters);
        return "ops";
    }

    @PostMapping("/web/ops/processors/{name}/replay")
    String replay(@PathVariable String name) {
        admin.replay(name);
        return "redirect:/web/ops";
    }
}
