package vn.partyledger.api.task;

/** What kind of duty a task is (§2.4): household group, duty of a post, mass organisation, helping a candidate or probationary member, liaison. */
public enum TaskKind {
    HOUSEHOLD_GROUP, POSITION_DUTY, MASS_ORG, HELP_CANDIDATE, HELP_PROBATIONARY, LIAISON, OTHER
}
