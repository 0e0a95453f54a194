package vn.partyledger.ops.processors;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.partyledger.query.commitment.CommitmentCoverageProjection;
import vn.partyledger.query.development.DevelopmentProjection;
import vn.partyledger.query.meeting.MeetingRegisterProjection;
import vn.partyledger.query.member.MemberRollProjection;
import vn.partyledger.query.organization.OrganizationTreeProjection;
import vn.partyledger.query.rating.RatingProjection;
import vn.partyledger.query.task.TaskBoardProjection;

/**
 * Every rebuildable processing group with its tables (the ones its reset handler empties) and version. Query read
 * models take their version from the projection's {@code VERSION}; the command side's lookups have none of their own,
 * so theirs are kept here and bumped here when their handlers change.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelCatalog {

    /**
     * {@code DirectoryProjection}, {@code MeetingLookupProjection} and {@code RatingEvidenceProjection}. Version 2: a
     * retracted meeting is flagged (M1 and rating evidence leave it out) and rating evidence takes corrected
     * attendance; rows written by version 1 lack both, so a ledger that has them rebuilds on start.
     */
    static final int COMMAND_DIRECTORY_VERSION = 2;
    /** {@code TaskDirectoryProjection}. */
    static final int TASK_DIRECTORY_VERSION = 1;

    @Bean
    ReadModelTables organizationTreeTables() {
        return new ReadModelTables(OrganizationTreeProjection.NAME, OrganizationTreeProjection.VERSION, List.of(
                "org_tree_organization", "org_tree_parent_period", "org_tree_officer_period",
                "org_tree_liaison_period", "org_tree_meeting_day", "org_tree_correction"));
    }

    @Bean
    ReadModelTables memberRollTables() {
        return new ReadModelTables(MemberRollProjection.NAME, MemberRollProjection.VERSION, List.of(
                "member_roll_member", "member_roll_fact", "member_roll_period"));
    }

    @Bean
    ReadModelTables meetingRegisterTables() {
        return new ReadModelTables(MeetingRegisterProjection.NAME, MeetingRegisterProjection.VERSION, List.of(
                "meeting_register_meeting", "meeting_register_attendance",
                "meeting_register_guest", "meeting_register_agenda_item", "meeting_register_resolution",
                "meeting_register_outcome", "meeting_register_amendment", "meeting_register_attendance_correction",
                "meeting_register_retraction"));
    }

    @Bean
    ReadModelTables taskBoardTables() {
        return new ReadModelTables(TaskBoardProjection.NAME, TaskBoardProjection.VERSION, List.of(
                "task_board_task", "task_board_progress", "task_board_task_household", "task_board_household"));
    }

    @Bean
    ReadModelTables commitmentCoverageTables() {
        return new ReadModelTables(CommitmentCoverageProjection.NAME, CommitmentCoverageProjection.VERSION, List.of(
                "commitment_record", "commitment_breach"));
    }

    @Bean
    ReadModelTables developmentTables() {
        return new ReadModelTables(DevelopmentProjection.NAME, DevelopmentProjection.VERSION, List.of(
                "development_fact", "development_probation", "development_quota"));
    }

    @Bean
    ReadModelTables ratingTables() {
        return new ReadModelTables(RatingProjection.NAME, RatingProjection.VERSION, List.of(
                "rating_round", "rating_entry", "rating_step", "rating_decision", "rating_outcome", "rating_evidence",
                "rating_evidence_task", "rating_target"));
    }

    @Bean
    ReadModelTables commandDirectoryTables() {
        return new ReadModelTables("command-directory", COMMAND_DIRECTORY_VERSION, List.of(
                "cmd_organization", "cmd_member", "cmd_roll_fact", "cmd_roll_period", "cmd_meeting",
                "cmd_rating_task", "cmd_rating_attendance", "cmd_rating_commitment"));
    }

    @Bean
    ReadModelTables taskDirectoryTables() {
        return new ReadModelTables("task-directory", TASK_DIRECTORY_VERSION, List.of(
                "cmd_household", "cmd_task", "cmd_commitment"));
    }
}
