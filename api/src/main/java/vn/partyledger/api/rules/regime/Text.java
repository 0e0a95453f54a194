package vn.partyledger.api.rules.regime;

import java.time.LocalDate;

/**
 * A Party text a rule rests on, identified by number, issuer and date together because numbers repeat across terms
 * (domain.md §0.2). {@code dated} is the date as cited ("30/7/2021", or only the year where the day is not known);
 * {@code inForceFrom} is the day the ledger applies it from.
 */
public record Text(String number, String issuer, String dated, LocalDate inForceFrom) {

    /** "QĐ 24-QĐ/TW (30/7/2021)": how a rule's basis names the text. */
    public String cite() {
        return number + " (" + dated + ")";
    }
}
