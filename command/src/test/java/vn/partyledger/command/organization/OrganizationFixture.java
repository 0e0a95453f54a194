package vn.partyledger.command.organization;

import static vn.partyledger.api.organization.OrganizationLevel.CELL;
import static vn.partyledger.api.organization.OrganizationLevel.COMMUNE;
import static vn.partyledger.api.organization.OrganizationLevel.DISTRICT;
import static vn.partyledger.api.organization.OrganizationLevel.PROVINCE;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationMerged;

/** A small tree (Điện Biên province → Điện Biên Đông district → Na Tông commune → Na Tông village cell) and dates. */
final class OrganizationFixture {

    static final String PROVINCE_ID = "dien-bien";
    static final String DISTRICT_ID = "dien-bien-dong";
    static final String COMMUNE_ID = "na-tong";
    static final String CELL_ID = "na-tong-ban-1";
    static final String OTHER_CELL_ID = "na-tong-ban-2";

    static final LocalDate CHARTER_ERA = LocalDate.of(2019, 3, 1);
    static final LocalDate BEFORE_TWO_TIER = LocalDate.of(2025, 6, 30);
    static final LocalDate TWO_TIER = LocalDate.of(2025, 7, 1);
    static final LocalDate AFTER_TWO_TIER = LocalDate.of(2025, 9, 15);

    private OrganizationFixture() {
    }

    static FixtureConfiguration<Organization> fixture(FakeDirectory directory) {
        return fixture(directory, OrganizationPolicy.standard());
    }

    static FixtureConfiguration<Organization> fixture(FakeDirectory directory, OrganizationPolicy policy) {
        return new AggregateTestFixture<>(Organization.class)
                .registerInjectableResource(directory)
                .registerInjectableResource(directory.members())
                .registerInjectableResource(policy);
    }

    /** The legacy four-level tree as it stood in 2019, in the directory. */
    static FakeDirectory legacyTree() {
        return new FakeDirectory()
                .organization(PROVINCE_ID, PROVINCE, null)
                .organization(DISTRICT_ID, DISTRICT, PROVINCE_ID)
                .organization(COMMUNE_ID, COMMUNE, DISTRICT_ID)
                .organization(CELL_ID, CELL, COMMUNE_ID)
                .organization(OTHER_CELL_ID, CELL, COMMUNE_ID);
    }

    static OrganizationEstablished established(String id, OrganizationLevel level, String parentId, LocalDate on) {
        CellType cellType = level == CELL ? CellType.VILLAGE : null;
        return new OrganizationEstablished(id, level, cellType, parentId, id, level == COMMUNE, on);
    }

    static OrganizationEstablished cellEstablished() {
        return established(CELL_ID, CELL, COMMUNE_ID, CHARTER_ERA);
    }

    static OrganizationEstablished communeEstablished() {
        return established(COMMUNE_ID, COMMUNE, DISTRICT_ID, CHARTER_ERA);
    }

    static OrganizationMerged merged(String id, String survivorId, LocalDate on) {
        return new OrganizationMerged(id, survivorId, on);
    }
}
