package vn.partyledger.ops.processors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations: processor status, replay with progress, and the dead-letter queue. Ledger-wide operators only. */
@RestController
@RequestMapping("/api/v1/ops")
@Tag(name = "Operations", description = "Rebuild read models, inspect and retry dead letters")
class ProcessorController {

    private final ProcessorAdmin admin;

    ProcessorController(ProcessorAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/processors")
    @Operation(summary = "Every event processor: position, lag behind the store's head, dead letters, rebuild progress; "
            + "a rebuild under way is listed as <name>@rebuild")
    List<ProcessorAdmin.ProcessorStatus> processors() {
        return admin.list();
    }

    @PostMapping("/processors/{name}/replay")
    @Operation(summary = "Rebuild one read model or command-side lookup beside its live tables (blue/green): the live "
            + "tables keep answering until the rebuilt ones have caught up and replace them in one transaction")
    ResponseEntity<ProcessorAdmin.ReplayProgress> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(admin.replay(name));
    }

    @GetMapping("/processors/{name}/replay")
    @Operation(summary = "Progress of the last rebuild: done/total positions, percent, events/s, ETA, state, archive")
    ProcessorAdmin.ReplayProgress progress(@PathVariable String name) {
        return admin.progress(name);
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Events a read model failed on, parked with their cause; paged")
    ProcessorAdmin.DeadLetterPage deadLetters(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return admin.deadLetters(page, size);
    }

    @PostMapping("/dead-letters/{eventId}/retry")
    @Operation(summary = "Retry the dead-letter sequence of an event (after the bug is fixed)")
    Map<String, Object> retry(@PathVariable String eventId) {
        return Map.of("eventId", eventId, "processed", admin.retry(eventId));
    }
}
