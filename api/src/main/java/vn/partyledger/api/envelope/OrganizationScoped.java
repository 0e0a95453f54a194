package vn.partyledger.api.envelope;

/** An event that belongs to exactly one organisation's record (its scope in the envelope). */
public interface OrganizationScoped {
    String organizationId();
}
