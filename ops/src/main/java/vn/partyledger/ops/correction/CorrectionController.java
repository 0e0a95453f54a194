package vn.partyledger.ops.correction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Created;

/**
 * Corrections and retractions as facts (docs/decisions/0011): the request names the stored event it corrects, why, and
 * the decision that approved it; the command goes to the aggregate that owns that event, which judges the replacement
 * by the same rules as the original. Who may correct is the record-facts policy on the event's organisation scope: the
 * organisation that owns the record or one of its superiors (never an inspection role: I1).
 */
@RestController
@Tag(name = "Corrections", description = "Corrections and retractions of recorded facts")
class CorrectionController {

    private final Corrections corrections;

    CorrectionController(Corrections corrections) {
        this.corrections = corrections;
    }

    record CorrectionRequest(@NotBlank @Size(max = 255) String correctsEventId,
                             @NotBlank @Size(max = 2000) String reason,
                             @NotNull @Valid AuthorityDto authority,
                             @NotNull @PastOrPresent LocalDate occurredOn,
                             @NotNull @Valid Corrections.Replacement replacement) {
    }

    record RetractionRequest(@NotBlank @Size(max = 255) String correctsEventId,
                             @NotBlank @Size(max = 2000) String reason,
                             @NotNull @Valid AuthorityDto authority,
                             @NotNull @PastOrPresent LocalDate occurredOn) {
    }

    @PostMapping("/api/v1/corrections")
    @Operation(summary = "Correct a recorded fact with a replacement (attendance, member data, organisation, task, commitment, rating decision), with reason and approver")
    ResponseEntity<Created> correct(@Valid @RequestBody CorrectionRequest r) {
        Corrections.Corrected c = corrections.correct(r.correctsEventId(), r.reason(), r.authority(), r.occurredOn(),
                r.replacement());
        return Created.accepted(c.collection(), c.id());
    }

    @PostMapping("/api/v1/retractions")
    @Operation(summary = "Retract a recorded fact that should not be in this record (a meeting entered in the wrong cell)")
    ResponseEntity<Created> retract(@Valid @RequestBody RetractionRequest r) {
        Corrections.Corrected c = corrections.retract(r.correctsEventId(), r.reason(), r.authority(), r.occurredOn());
        return Created.accepted(c.collection(), c.id());
    }
}
