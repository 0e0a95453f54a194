package vn.partyledger.api.rating;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.partyledger.api.envelope.Fact;

/**
 * Intent: enter the congress resolution's rating targets of an organisation for a term ({@code 2020-2025}). One set
 * per organisation and term: {@link #idOf(String, String)}; entering them again revises it.
 */
public record SetCongressTargets(@TargetAggregateIdentifier String targetsId, String organizationId, String term,
                                 List<CongressTarget> targets, LocalDate occurredOn) implements Fact {

    public static String idOf(String organizationId, String term) {
        return "targets:" + organizationId + ":" + term;
    }
}
