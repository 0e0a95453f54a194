package vn.partyledger.api.organization;

/** Level of a node in the Party organisation tree. */
public enum OrganizationLevel {
    /** Đảng bộ tỉnh. */
    PROVINCE,
    /** Đảng bộ huyện: legacy level, ended 01/07/2025; kept so its history stays readable. */
    DISTRICT,
    /** Đảng bộ xã / phường / đặc khu. */
    COMMUNE,
    /** Tổ chức cơ sở đảng other than a commune (đảng bộ cơ sở of an agency, enterprise, school...). */
    GRASSROOTS,
    /** Đảng bộ bộ phận: intermediate level inside a large đảng bộ cơ sở. */
    SUB_COMMITTEE,
    /** Chi bộ (cơ sở or trực thuộc). */
    CELL,
    /** Tổ đảng inside a large cell. */
    PARTY_GROUP
}
