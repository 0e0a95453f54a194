package vn.partyledger.command.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.COMMUNE;
import static vn.partyledger.api.organization.OrganizationLevel.DISTRICT;
import static vn.partyledger.api.organization.OrganizationLevel.GRASSROOTS;
import static vn.partyledger.api.organization.OrganizationLevel.PARTY_GROUP;
import static vn.partyledger.api.organization.OrganizationLevel.PROVINCE;
import static vn.partyledger.api.organization.OrganizationLevel.SUB_COMMITTEE;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.Effective;

class HierarchyTest {

    private final Effective<Hierarchy> hierarchy = OrganizationPolicy.standardHierarchy();
    private final Hierarchy charter = hierarchy.at(LocalDate.of(2025, 6, 30));
    private final Hierarchy twoTier = hierarchy.at(LocalDate.of(2025, 7, 1));

    @Test
    void everyLevelHasTheParentsTheCharterAllows() {
        assertAllowed(charter, DISTRICT, PROVINCE);
        assertAllowed(charter, COMMUNE, PROVINCE, DISTRICT);
        assertAllowed(charter, GRASSROOTS, PROVINCE, DISTRICT, COMMUNE);
        assertAllowed(charter, SUB_COMMITTEE, GRASSROOTS, COMMUNE);
        assertAllowed(charter, CELL, COMMUNE, GRASSROOTS, SUB_COMMITTEE, DISTRICT, PROVINCE);
        assertAllowed(charter, PARTY_GROUP, CELL);
        assertThat(charter.placement(PROVINCE, null).isViolation()).isFalse();
    }

    @Test
    void districtLevelEndsOnFirstJuly2025() {
        assertThat(charter.levelInForce(DISTRICT).isViolation()).isFalse();
        assertThat(twoTier.levelInForce(DISTRICT).isViolation()).isTrue();
        assertThat(twoTier.levelInForce(DISTRICT).basis()).startsWith("NQ 60-NQ/TW (12/4/2025)");
        assertAllowed(twoTier, COMMUNE, PROVINCE);
        assertAllowed(twoTier, CELL, COMMUNE, GRASSROOTS, SUB_COMMITTEE, PROVINCE);
        assertThat(twoTier.placement(CELL, DISTRICT).basis()).startsWith("NQ 60-NQ/TW");
    }

    @Test
    void onlyCellsCarryACellType() {
        for (OrganizationLevel level : OrganizationLevel.values()) {
            assertThat(charter.needsCellType(level)).as(level.name()).isEqualTo(level == CELL);
        }
    }

    @Test
    void grassrootsDefaultsFollowLevelAndParent() {
        assertThat(twoTier.defaultGrassroots(COMMUNE, PROVINCE)).isTrue();
        assertThat(twoTier.defaultGrassroots(GRASSROOTS, COMMUNE)).isTrue();
        assertThat(charter.defaultGrassroots(CELL, DISTRICT)).isTrue();
        assertThat(twoTier.defaultGrassroots(CELL, PROVINCE)).isTrue();
        assertThat(twoTier.defaultGrassroots(CELL, COMMUNE)).isFalse();
        assertThat(twoTier.defaultGrassroots(CELL, GRASSROOTS)).isFalse();
        assertThat(twoTier.defaultGrassroots(PROVINCE, null)).isFalse();
        assertThat(twoTier.defaultGrassroots(PARTY_GROUP, CELL)).isFalse();
    }

    private static void assertAllowed(Hierarchy h, OrganizationLevel level, OrganizationLevel... parents) {
        for (OrganizationLevel parent : OrganizationLevel.values()) {
            boolean expected = Arrays.asList(parents).contains(parent);
            assertThat(h.placement(level, parent).isViolation()).as(level + " under " + parent).isEqualTo(!expected);
        }
        assertThat(h.placement(level, null).isViolation()).as(level + " without parent").isTrue();
    }
}
