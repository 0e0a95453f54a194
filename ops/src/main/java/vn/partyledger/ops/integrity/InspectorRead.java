package vn.partyledger.ops.integrity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Published (as a Spring application event) whenever an inspector or operator reads a scope's integrity evidence: a
 * verification or a bundle export. The audit trail listens for it and records the read as a fact; this package does
 * not store it itself.
 */
public record InspectorRead(String what, String userId, String username, String role, String organizationId,
                            List<String> scopes, LocalDate from, LocalDate to, Instant at) {
}
