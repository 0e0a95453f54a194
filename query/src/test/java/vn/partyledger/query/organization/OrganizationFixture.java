package vn.partyledger.query.organization;

import java.time.LocalDate;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationDissolved;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationMerged;
import vn.partyledger.api.organization.OrganizationReparented;

public final class OrganizationFixture {

    public static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    /** Đảng bộ huyện ended on this day (2025 reorganisation). */
    public static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);

    private OrganizationFixture() {
    }

    public static OrganizationEstablished province(String id, String name) {
        return new OrganizationEstablished(id, OrganizationLevel.PROVINCE, null, null, name, false, LONG_AGO);
    }

    public static OrganizationEstablished district(String id, String parentId, String name) {
        return new OrganizationEstablished(id, OrganizationLevel.DISTRICT, null, parentId, name, false, LONG_AGO);
    }

    public static OrganizationEstablished commune(String id, String parentId, String name) {
        return new OrganizationEstablished(id, OrganizationLevel.COMMUNE, null, parentId, name, true, LONG_AGO);
    }

    public static OrganizationEstablished cell(String id, String parentId, String name, CellType type) {
        return cell(id, parentId, name, type, LONG_AGO);
    }

    public static OrganizationEstablished cell(String id, String parentId, String name, CellType type, LocalDate on) {
        return new OrganizationEstablished(id, OrganizationLevel.CELL, type, parentId, name, false, on);
    }

    public static OrganizationReparented reparented(String id, String from, String to, LocalDate on) {
        return new OrganizationReparented(id, from, to, on);
    }

    public static OrganizationDissolved dissolved(String id, LocalDate on) {
        return new OrganizationDissolved(id, "Kết luận 137-KL/TW: bỏ cấp huyện", on);
    }

    public static OrganizationMerged merged(String id, String survivorId, LocalDate on) {
        return new OrganizationMerged(id, survivorId, on);
    }
}
