package vn.partyledger.api.oversight;

/** Kinds of oversight case (QĐ 296-QĐ/TW): an inspection (kiểm tra) or a supervision (giám sát). */
public enum OversightKind {
    INSPECTION, SUPERVISION
}
