package vn.partyledger.api.envelope;

import java.time.LocalDate;

/**
 * The decision or resolution that authorises a fact. Document numbers repeat across terms, so a basis is identified by
 * number, issuer and date together, never by number alone.
 */
public record Authority(String docNo, String issuer, LocalDate issuedOn) {
}
