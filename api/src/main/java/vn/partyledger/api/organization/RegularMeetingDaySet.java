package vn.partyledger.api.organization;

import java.time.LocalDate;
import vn.partyledger.api.envelope.OrganizationScoped;

/** Fact: the cell meets on {@code dayOfMonth} from {@code effectiveFrom} (Sao Đỏ 2: day 24, prep day 22). */
public record RegularMeetingDaySet(String organizationId, int dayOfMonth, Integer committeePrepDay, LocalDate effectiveFrom) implements OrganizationScoped {
}
