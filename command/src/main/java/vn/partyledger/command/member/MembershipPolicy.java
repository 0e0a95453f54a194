package vn.partyledger.command.member;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.partyledger.api.member.CellVote;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.member.Introducer;
import vn.partyledger.api.member.MemberStatus;
import vn.partyledger.api.member.RollRemovalGround;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.api.rules.RuleOutcome;
import vn.partyledger.api.rules.vote.Share;
import vn.partyledger.api.rules.vote.Votes;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.command.directory.MemberEntry;
import vn.partyledger.command.directory.OrganizationEntry;

/**
 * One version of the membership rules. Every threshold is a parameter, so a new regulation becomes a new version in
 * {@link MembershipRules} rather than a code change, and old facts keep being judged by the version of their date.
 */
record MembershipPolicy(AdmissionAge admissionAge, Education education, AwarenessCourse awarenessCourse,
                        Introducers introducers, CellApproval cellApproval, Probation probation, Transfers transfers,
                        WorkingAge workingAge, TemporaryExemption temporaryExemption, RollRemoval rollRemoval) {

    /** A rule's code and the regulation it comes from, as the refusal reports them. */
    record Rule(String code, String basis) {
        static Rule of(vn.partyledger.api.rules.Rule shared) {
            return new Rule(shared.code(), shared.basis());
        }

        LedgerRefusalException refuse(String field, String message) {
            return LedgerRefusalException.rule(RuleOutcome.violation(code, basis, message), field);
        }
    }

    /**
     * P1. Age counts in whole months at the cell's review ("tính theo tháng"): 18 years 0 months is old enough and
     * 60 years 0 months is still within the limit; one more whole month is over it.
     */
    record AdmissionAge(Rule rule, int minYears, int maxYears) {
        void check(LocalDate birthDate, LocalDate reviewedOn, boolean exceptionApproved) {
            long months = ChronoUnit.MONTHS.between(birthDate, reviewedOn);
            if (months < minYears * 12L) {
                throw rule.refuse("cellVote.heldOn", "the candidate is under " + minYears + " at the cell's review");
            }
            if (months > maxYears * 12L && !exceptionApproved) {
                throw rule.refuse("ageException", "the candidate is over " + maxYears
                        + " at the cell's review; admission needs the province-level committee's approval");
            }
        }
    }

    /** P2. Relies on {@link EducationLevel} being declared from lowest to highest. */
    record Education(Rule rule, EducationLevel minimum, EducationLevel relaxedMinimum) {
        void check(EducationLevel level, boolean relaxedArea) {
            EducationLevel required = relaxedArea ? relaxedMinimum : minimum;
            if (level == null || level.compareTo(required) < 0) {
                throw rule.refuse("educationLevel", "admission needs at least " + required + ", the candidate has " + level);
            }
        }
    }

    record AwarenessCourse(Rule rule) {
        void check(boolean certified) {
            if (!certified) {
                throw rule.refuse(null, "the awareness course certificate must be recorded before admission");
            }
        }
    }

    /**
     * P3. The directory holds members' current status, so an introducer who has since died or left refuses a
     * back-dated admission; such a case is entered with a correction, not by weakening this check.
     */
    record Introducers(Rule rule, int required, int monthsWorkedTogether) {
        void check(String candidateId, List<Introducer> introducers, LocalDate decisionDate, MemberDirectory members) {
            if (introducers.size() != required) {
                throw rule.refuse("introducers", required + " introducers are needed, " + introducers.size() + " given");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < introducers.size(); i++) {
                checkOne(candidateId, introducers.get(i), "introducers[" + i + "]", decisionDate, members, seen);
            }
        }

        private void checkOne(String candidateId, Introducer introducer, String field, LocalDate decisionDate,
                              MemberDirectory members, Set<String> seen) {
            if (introducer == null || introducer.memberId() == null || introducer.memberId().isBlank()) {
                throw LedgerRefusalException.invalid(field + ".memberId", "memberId is required");
            }
            if (introducer.workedWithSince() == null) {
                throw LedgerRefusalException.invalid(field + ".workedWithSince", "workedWithSince is required");
            }
            String id = introducer.memberId();
            if (id.equals(candidateId)) {
                throw rule.refuse(field + ".memberId", "a candidate cannot introduce themself");
            }
            if (!seen.add(id)) {
                throw rule.refuse(field + ".memberId", "the introducers must be " + required + " different members");
            }
            MemberEntry entry = members.find(id).orElse(null);
            if (entry == null || entry.status() != MemberStatus.OFFICIAL || entry.officialSince() == null
                    || entry.officialSince().isAfter(decisionDate)) {
                throw rule.refuse(field + ".memberId", id + " is not an official member on " + decisionDate);
            }
            if (introducer.workedWithSince().isAfter(decisionDate.minusMonths(monthsWorkedTogether))) {
                throw rule.refuse(field + ".workedWithSince", id + " has not worked with the candidate for "
                        + monthsWorkedTogether + " months before " + decisionDate);
            }
        }
    }

    /** P4. The share of official members that must approve (shared with the meeting's P4, {@link Votes}). */
    record CellApproval(Rule rule, Share share) {
        /** {@code officialOnRoll}: the cell's official members on the day of the vote, from the command-side roll. */
        void check(CellVote vote, String field, long officialOnRoll) {
            check(vote, field);
            // The two-thirds are of the cell's real official members, not of a figure the request chooses.
            if (vote.officialMembers() != officialOnRoll) {
                throw rule.refuse(field + ".officialMembers", "the cell had " + officialOnRoll + " official members on "
                        + vote.heldOn() + "; the vote names " + vote.officialMembers());
            }
        }

        void check(CellVote vote, String field) {
            if (vote.officialMembers() < 1 || vote.approving() < 0 || vote.approving() > vote.officialMembers()) {
                throw rule.refuse(field, vote.approving() + " approving out of " + vote.officialMembers()
                        + " official members is not a possible vote");
            }
            if (!share.reachedBy(vote.approving(), vote.officialMembers())) {
                throw rule.refuse(field, vote.approving() + " of " + vote.officialMembers() + " official members approved; at least "
                        + share + " must approve");
            }
        }
    }

    /**
     * P5 ({@link vn.partyledger.api.rules.calendar.Probation}, shared with the query side's overdue recognitions).
     * The late flag is information, it refuses nothing.
     */
    record Probation(Rule rule, vn.partyledger.api.rules.calendar.Probation terms) {
        LocalDate endsOn(LocalDate ceremonyDate) {
            return terms.endsOn(ceremonyDate);
        }

        void checkDecision(LocalDate endsOn, LocalDate decisionDate) {
            if (decisionDate.isBefore(endsOn)) {
                throw rule.refuse("decisionDate", "probation runs until " + endsOn + "; recognition cannot be decided earlier");
            }
        }

        boolean reviewedLate(LocalDate endsOn, LocalDate decisionDate) {
            return terms.reviewLate(endsOn, decisionDate);
        }
    }

    /** P9. A temporary transfer lasts from {@code temporaryMinMonths} to under {@code temporaryMonthsBelow}, longer for study. */
    record Transfers(Rule rule, int temporaryMinMonths, int temporaryMonthsBelow, String studyPurpose, int studyMaxMonths) {
        void checkTemporaryPeriod(LocalDate from, LocalDate until, String purpose) {
            if (until.isBefore(from.plusMonths(temporaryMinMonths))) {
                throw rule.refuse("until", "a temporary transfer lasts at least " + temporaryMinMonths + " months");
            }
            boolean study = purpose != null && purpose.trim().equalsIgnoreCase(studyPurpose);
            if (study && until.isAfter(from.plusMonths(studyMaxMonths))) {
                throw rule.refuse("until", "a temporary transfer to study lasts at most " + studyMaxMonths + " months");
            }
            if (!study && !until.isBefore(from.plusMonths(temporaryMonthsBelow))) {
                throw rule.refuse("until", "a temporary transfer lasts under " + temporaryMonthsBelow
                        + " months unless it is to study");
            }
        }

        void checkDestination(OrganizationEntry destination, String homeOrganizationId) {
            if (!destination.active()) {
                throw rule.refuse("toOrganizationId", destination.organizationId() + " is no longer active");
            }
            if (destination.organizationId().equals(homeOrganizationId)) {
                throw rule.refuse("toOrganizationId", "the member already belongs to " + homeOrganizationId);
            }
        }

        void checkReceiver(String receiverId, String destinationId) {
            if (!destinationId.equals(receiverId)) {
                throw rule.refuse("organizationId", "the referral was issued to " + destinationId + ", not " + receiverId);
            }
        }
    }

    /** P10. Elderly means strictly above the working-age limit of the member's gender, counted in whole months. */
    record WorkingAge(Rule rule, int maleYears, int femaleYears) {
        void checkElderly(LocalDate birthDate, Gender gender, LocalDate on) {
            int limit = gender == Gender.FEMALE ? femaleYears : maleYears;
            if (ChronoUnit.MONTHS.between(birthDate, on) <= limit * 12L) {
                throw rule.refuse("ground", "an exemption as elderly needs age above " + limit + " on " + on);
            }
        }
    }

    /** P11. */
    record TemporaryExemption(Rule rule, int monthsBelow) {
        void check(LocalDate from, LocalDate until) {
            if (!until.isAfter(from)) {
                throw rule.refuse("until", "a temporary exemption must end after " + from);
            }
            if (!until.isBefore(from.plusMonths(monthsBelow))) {
                throw rule.refuse("until", "a temporary exemption lasts under " + monthsBelow + " months");
            }
        }
    }

    /** P12. Only the competent committee's decision on a recognised ground removes a member from the roll. */
    record RollRemoval(Rule rule) {
        void check(RollRemovalGround ground, String decisionNo, String decidedBy) {
            if (ground == null) {
                throw rule.refuse("ground", "a roll removal needs one of the grounds of the regulation");
            }
            if (decisionNo == null || decisionNo.isBlank()) {
                throw rule.refuse("decisionNo", "a roll removal needs the competent committee's decision");
            }
            if (decidedBy == null || decidedBy.isBlank()) {
                throw rule.refuse("decidedBy", "a roll removal must name the committee that decided it");
            }
        }
    }
}
