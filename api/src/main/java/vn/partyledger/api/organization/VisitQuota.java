package vn.partyledger.api.organization;

/** How often a liaison must attend the cell's meeting (An Tường: 1 per quarter; Kon Tum: 6 per year). */
public record VisitQuota(int visits, Period per) {
    public enum Period { QUARTER, YEAR }
}
