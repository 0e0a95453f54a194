package vn.partyledger.api.member;

/**
 * Query: the candidates (quần chúng ưu tú) an organisation keeps now — registered, not yet admitted, and not removed —
 * so a secretary finds them to record the awareness course and the admission.
 */
public record FindCandidates(String organizationId) {
}
