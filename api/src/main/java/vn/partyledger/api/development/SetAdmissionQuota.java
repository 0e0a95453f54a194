package vn.partyledger.api.development;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: the superior sets (or revises) how many members the organisation should admit in {@code year} [S1]. One quota
 * per organisation and year: {@link #idOf(String, int)}.
 */
public record SetAdmissionQuota(@TargetAggregateIdentifier String quotaId, String organizationId, int year, int quota,
                                LocalDate occurredOn) implements Fact {

    public static String idOf(String organizationId, int year) {
        return "quota:" + organizationId + ":" + year;
    }
}
