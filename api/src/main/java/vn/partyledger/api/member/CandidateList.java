package vn.partyledger.api.member;

import java.util.List;
import vn.partyledger.api.provenance.Provenance;

/** Result: an organisation's current candidates, by name. */
public record CandidateList(String organizationId, List<MemberView> items, Provenance provenance) {
}
