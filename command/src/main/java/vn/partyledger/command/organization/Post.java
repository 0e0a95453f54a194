package vn.partyledger.command.organization;

import java.time.LocalDate;
import vn.partyledger.api.organization.OfficerRole;

/** An officer post held from {@code from} up to (excluding) {@code to}, open-ended when {@code to} is null. */
record Post(String memberId, OfficerRole role, LocalDate from, LocalDate to) {

    boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return (to == null || to.isAfter(otherFrom)) && (otherTo == null || otherTo.isAfter(from));
    }

    boolean isHeldBy(String memberId, OfficerRole role) {
        return this.memberId.equals(memberId) && this.role == role;
    }
}
