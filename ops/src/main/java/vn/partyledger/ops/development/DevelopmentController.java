package vn.partyledger.ops.development;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.development.DevelopmentVsQuota;
import vn.partyledger.api.development.FindDevelopment;
import vn.partyledger.api.development.SetAdmissionQuota;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.command.directory.OrganizationEntry;
import vn.partyledger.ops.web.AuthorityDto;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.Reads;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Member development (§2.9): the superior sets each subordinate organisation's admission quota for a year; the read
 * side counts the candidate pipeline, admissions and overdue recognitions against it.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Development", description = "Admission quotas and member development (phát triển đảng viên)")
class DevelopmentController {

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationDirectory organizations;

    DevelopmentController(Commands commands, QueryGateway queries, OrganizationDirectory organizations) {
        this.commands = commands;
        this.queries = queries;
        this.organizations = organizations;
    }

    record QuotaRequest(@NotNull @Min(0) @Max(100000) Integer quota, @NotNull @PastOrPresent LocalDate occurredOn,
                        @Valid AuthorityDto authority) {
    }

    /**
     * The quota is the superior's decision [S1]: it needs a grant that may shape the tree of the organisation's parent
     * (a commune committee for its cells, a province for its communes); a cell secretary cannot set their own.
     */
    @PutMapping("/{id}/admission-quotas/{year}")
    @Operation(summary = "The superior sets (or revises) the organisation's admission quota for the year")
    ResponseEntity<Created> setQuota(@PathVariable String id, @PathVariable @Min(1930) @Max(2100) int year,
                                     @Valid @RequestBody QuotaRequest r) {
        known(id);
        String quotaId = SetAdmissionQuota.idOf(id, year);
        commands.send(new SetAdmissionQuota(quotaId, id, year, r.quota(), r.occurredOn()),
                r.authority());
        return ResponseEntity.ok(new Created(quotaId));
    }

    @GetMapping("/{id}/development")
    @Operation(summary = "Candidates, courses, admissions and recognitions of the subtree in the year against the quota")
    ResponseEntity<DevelopmentVsQuota> development(@PathVariable String id,
            @RequestParam @Min(1930) @Max(2100) int year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        known(id);
        DevelopmentVsQuota answer = queries.query(new FindDevelopment(id, year, asOf),
                ResponseTypes.instanceOf(DevelopmentVsQuota.class)).join();
        return Reads.ok(answer, answer.provenance());
    }

    private OrganizationEntry known(String id) {
        return organizations.find(id).orElseThrow(() -> new UnknownResourceException("no organisation " + id));
    }
}
