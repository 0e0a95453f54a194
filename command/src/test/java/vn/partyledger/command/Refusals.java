package vn.partyledger.command;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.partyledger.api.rules.Refusal;

/** Matchers on the details of a refused command, for {@code expectExceptionDetails}; shared by the aggregate tests. */
public final class Refusals {

    private Refusals() {
    }

    /** Refused by the domain rule {@code rule}, pointing at {@code field} (null when no request field is at fault). */
    public static Matcher<Refusal> brokenRule(String rule, String field) {
        return refusal(Refusal.Kind.RULE, rule, field);
    }

    /** Refused because no version of {@code rule} was in force on the fact's date: named, with no basis to cite. */
    public static Matcher<Refusal> noRuleInForce(String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.kind() == Refusal.Kind.RULE && Objects.equals(refusal.rule(), rule)
                        && Objects.equals(refusal.field(), field) && refusal.basis() == null
                        && refusal.message() != null && refusal.message().contains("no regulation was in force");
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused: no regulation in force for " + rule + " on field " + field);
            }
        };
    }

    /** Refused because the member's current state does not allow the transition. */
    public static Matcher<Refusal> wrongState() {
        return refusal(Refusal.Kind.RULE, null, null);
    }

    public static Matcher<Refusal> invalidInput(String field) {
        return refusal(Refusal.Kind.INVALID_INPUT, null, field);
    }

    public static Matcher<Refusal> notFound(String field) {
        return refusal(Refusal.Kind.NOT_FOUND, null, field);
    }

    /** Any refusal by its kind, rule code (null when none) and field. */
    public static Matcher<Refusal> refusal(Refusal.Kind kind, String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.kind() == kind && Objects.equals(refusal.rule(), rule)
                        && Objects.equals(refusal.field(), field) && refusal.message() != null
                        && (rule == null || refusal.basis() != null);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of kind " + kind + ", rule " + rule + ", field " + field);
            }
        };
    }
}
