package vn.partyledger.command.rating;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.partyledger.api.rules.Refusal;

/** Matches the details of a refused command: its kind, rule code (null when none) and field. */
final class Refused {

    private Refused() {
    }

    static Matcher<Refusal> with(Refusal.Kind kind, String rule, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Refusal r) {
                return r.kind() == kind && Objects.equals(r.rule(), rule) && Objects.equals(r.field(), field)
                        && r.message() != null && (rule == null || r.basis() != null);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal of kind " + kind + ", rule " + rule + ", field " + field);
            }
        };
    }
}
