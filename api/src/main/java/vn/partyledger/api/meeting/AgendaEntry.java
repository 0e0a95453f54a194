package vn.partyledger.api.meeting;

/** One agenda item discussed. */
public record AgendaEntry(AgendaTopic topic, String summary) {
}
