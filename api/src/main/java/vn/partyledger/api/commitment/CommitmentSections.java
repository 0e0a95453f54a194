package vn.partyledger.api.commitment;

/**
 * The six sections of a yearly pledge [S0]: political ideology; ethics and lifestyle; performing assigned duties;
 * organisational discipline; remedying the shortcomings listed at the last review; action plan for the congress
 * resolution.
 */
public record CommitmentSections(String politicalIdeology, String ethicsAndLifestyle, String assignedDuties,
                                 String organizationalDiscipline, String remedyingShortcomings,
                                 String congressResolutionPlan) {
}
