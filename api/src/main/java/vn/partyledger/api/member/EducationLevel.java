package vn.partyledger.api.member;

/** Highest completed education (P2 asks for lower secondary, relaxed in mountain and ethnic-minority areas). */
public enum EducationLevel { NONE, PRIMARY, LOWER_SECONDARY, UPPER_SECONDARY, VOCATIONAL, UNIVERSITY, POSTGRADUATE }
