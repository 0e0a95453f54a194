package vn.partyledger.api.member;

/** Ground of a full exemption from work and meetings (P10). */
public enum ExemptionGround { ELDERLY, ILLNESS }
