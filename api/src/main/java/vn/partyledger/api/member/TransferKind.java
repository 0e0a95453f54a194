package vn.partyledger.api.member;

/** Chuyển sinh hoạt đảng chính thức / tạm thời. */
public enum TransferKind { OFFICIAL, TEMPORARY }
