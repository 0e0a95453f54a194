package vn.partyledger.command.organization;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.partyledger.api.rules.Refusal;

/** Matchers on the {@link Refusal} a refused command carries as exception details. */
final class Refusals {

    private Refusals() {
    }

    static Matcher<Refusal> rule(String rule, String field) {
        return refusal(Refusal.Kind.RULE, rule, field, null);
    }

    static Matcher<Refusal> rule(String rule, String field, String basisFragment) {
        return refusal(Refusal.Kind.RULE, rule, field, basisFragment);
    }

    static Matcher<Refusal> invalid(String field) {
        return refusal(Refusal.Kind.INVALID_INPUT, null, field, null);
    }

    static Matcher<Refusal> notFound(String field) {
        return refusal(Refusal.Kind.NOT_FOUND, null, field, null);
    }

    /** A transition the current state forbids: a rule refusal that names no rule and no field. */
    static Matcher<Refusal> state() {
        return refusal(Refusal.Kind.RULE, null, null, null);
    }

    static Matcher<Refusal> conflict() {
        return refusal(Refusal.Kind.CONFLICT, null, null, null);
    }

    private static Matcher<Refusal> refusal(Refusal.Kind kind, String rule, String field, String basisFragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal r) {
                return r.kind() == kind && Objects.equals(r.rule(), rule) && Objects.equals(r.field(), field)
                        && (basisFragment == null || r.basis() != null && r.basis().contains(basisFragment));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("refusal " + kind + " rule=" + rule + " field=" + field
                        + (basisFragment == null ? "" : " basis containing \"" + basisFragment + "\""));
            }
        };
    }
}
