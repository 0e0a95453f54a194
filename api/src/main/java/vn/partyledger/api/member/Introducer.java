package vn.partyledger.api.member;

import java.time.LocalDate;

/** An official member vouching for a candidate, and since when they worked together (P3). */
public record Introducer(String memberId, LocalDate workedWithSince) {
}
