package vn.partyledger.ops.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.partyledger.api.oversight.RecordInspectorRead;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.security.Grant;
import vn.partyledger.ops.security.Role;
import vn.partyledger.ops.web.Commands;

/**
 * Logs every read of a dossier, a history or a bundle made with an inspection grant as a ledger fact
 * ({@code InspectorReadRecorded}) in the record of the organisation read, so that organisation sees who looked, at
 * what, with which time axes. Call {@link #record} after the access check of the read (it looks at the grant that check
 * chose); reads made with any other role are not logged.
 */
@Component
public class InspectorReads {

    private static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Commands commands;

    InspectorReads(Commands commands) {
        this.commands = commands;
    }

    /**
     * @param organizationId the organisation whose record was read (a member's home cell for a dossier)
     * @param record         what was read
     * @param subjectId      the member, organisation or bundle scope read
     * @param asOf           the business date the read asked for, if any
     * @param knownAt        the instant the read cut the ledger at, if any
     */
    public void record(String organizationId, RequestedRecord record, String subjectId, LocalDate asOf,
                       Instant knownAt) {
        Grant grant = CurrentActor.usedGrant();
        if (grant == null || grant.role() != Role.INSPECTOR) {
            return;
        }
        commands.send(new RecordInspectorRead(UUID.randomUUID().toString(), organizationId, record, subjectId, asOf,
                knownAt, LocalDate.now(LEDGER_ZONE)), null);
    }
}
