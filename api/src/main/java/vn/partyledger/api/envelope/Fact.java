package vn.partyledger.api.envelope;

import java.time.LocalDate;

/** A command that records a fact: it names the business date on which the fact happened (the envelope's occurredOn). */
public interface Fact {
    LocalDate occurredOn();
}
