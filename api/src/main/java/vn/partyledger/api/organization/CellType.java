package vn.partyledger.api.organization;

/** Kind of cell (chi bộ thôn/bản, tổ dân phố, trường học, trạm y tế, cơ quan, doanh nghiệp, quân sự, công an). */
public enum CellType {
    VILLAGE, URBAN_QUARTER, SCHOOL, HEALTH_STATION, AGENCY, ENTERPRISE, MILITARY, POLICE;

    /** Village and urban-quarter cells are the residential cells (chi bộ khu dân cư). */
    public boolean isResidential() {
        return this == VILLAGE || this == URBAN_QUARTER;
    }
}
