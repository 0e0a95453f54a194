package vn.partyledger.api.rules.rating;

import java.time.LocalDate;

/**
 * A discipline decided during the rating year, as the decision row states it (the ledger does not yet record
 * discipline events). {@code remedied}: the violation was self-discovered and its consequences remedied (R2's exception).
 */
public record DisciplineFact(String form, LocalDate decidedOn, boolean remedied) {
}
