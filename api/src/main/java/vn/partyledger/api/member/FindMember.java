package vn.partyledger.api.member;

/** Query: the current record of one member. */
public record FindMember(String memberId) {
}
