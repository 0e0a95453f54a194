package vn.partyledger.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Versions of one policy keyed by the date from which each applies. A fact is judged under the version in force on
 * its business date (occurredOn), never under the one in force when it is recorded or replayed.
 */
public final class Effective<T> {

    private final List<Version<T>> versions;

    private Effective(List<Version<T>> versions) {
        this.versions = versions;
    }

    public static <T> Effective<T> from(LocalDate from, T policy) {
        return new Effective<T>(List.of()).then(from, policy);
    }

    /** Adds a version that applies from {@code from}; returns a new instance. */
    public Effective<T> then(LocalDate from, T policy) {
        List<Version<T>> copy = new ArrayList<>(versions);
        copy.add(new Version<>(Objects.requireNonNull(from), Objects.requireNonNull(policy)));
        copy.sort(Comparator.comparing(Version::from));
        return new Effective<>(List.copyOf(copy));
    }

    /** The version in force on {@code date}; dates before the first version get the first one. */
    public T at(LocalDate date) {
        T found = versions.get(0).policy();
        for (Version<T> v : versions) {
            if (!v.from().isAfter(date)) {
                found = v.policy();
            }
        }
        return found;
    }

    public List<Version<T>> versions() {
        return versions;
    }

    public record Version<T>(LocalDate from, T policy) {
    }
}
