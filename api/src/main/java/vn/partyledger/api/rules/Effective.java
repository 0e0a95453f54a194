package vn.partyledger.api.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Versions of one policy keyed by the date from which each applies. A fact is judged under the version in force on
 * its business date (occurredOn), never under the one in force when it is recorded or replayed. A date before the first
 * version has no version: {@link #find} answers empty and {@link #at} throws {@link NoVersionInForceException}, so a
 * caller says "no rule in force" instead of judging an old fact by a later text.
 */
public final class Effective<T> {

    private final List<Version<T>> versions;
    private final boolean firstReachesBack;

    private Effective(List<Version<T>> versions, boolean firstReachesBack) {
        this.versions = versions;
        this.firstReachesBack = firstReachesBack;
    }

    public static <T> Effective<T> from(LocalDate from, T policy) {
        return new Effective<T>(List.of(), false).then(from, policy);
    }

    /**
     * A first version that the ledger deliberately applies to earlier facts as well. Only for rules whose substance
     * predates every text the ledger holds and which facts taken over from paper records must still pass (the shape of
     * the organisation tree), or that rest on an organisation's own resolutions rather than on a dated central text.
     */
    public static <T> Effective<T> reachingBack(LocalDate from, T policy) {
        return new Effective<T>(List.of(), true).then(from, policy);
    }

    /**
     * A policy assembled from parts that each have their own versions: a new version starts wherever any part
     * changes, built by {@code build} for that date. Dates on which {@code build} finds a required part not yet in
     * force (it throws {@link NoVersionInForceException}) have no version.
     */
    public static <T> Effective<T> assembled(Function<LocalDate, T> build, Effective<?>... parts) {
        TreeSet<LocalDate> starts = new TreeSet<>();
        for (Effective<?> part : parts) {
            part.versions.forEach(v -> starts.add(v.from()));
        }
        List<Version<T>> versions = new ArrayList<>();
        for (LocalDate start : starts) {
            try {
                versions.add(new Version<>(start, Objects.requireNonNull(build.apply(start))));
            } catch (NoVersionInForceException notYet) {
                // a required part starts later: nothing is in force from this date yet
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("the parts are never in force together");
        }
        return new Effective<>(List.copyOf(versions), false);
    }

    /** Adds a version that applies from {@code from}; returns a new instance. */
    public Effective<T> then(LocalDate from, T policy) {
        List<Version<T>> copy = new ArrayList<>(versions);
        copy.add(new Version<>(Objects.requireNonNull(from), Objects.requireNonNull(policy)));
        copy.sort(Comparator.comparing(Version::from));
        return new Effective<>(List.copyOf(copy), firstReachesBack);
    }

    /** The version in force on {@code date}, with the date it applies from; empty before the first version. */
    public Optional<Version<T>> versionAt(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Version<T> found = firstReachesBack ? versions.get(0) : null;
        for (Version<T> v : versions) {
            if (!v.from().isAfter(date)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The version in force on {@code date}; empty when no version was in force yet. */
    public Optional<T> find(LocalDate date) {
        return versionAt(date).map(Version::policy);
    }

    /** Whether a version was in force on {@code date}. */
    public boolean inForce(LocalDate date) {
        return versionAt(date).isPresent();
    }

    /**
     * The version in force on {@code date}.
     *
     * @throws NoVersionInForceException when {@code date} is before the first version
     */
    public T at(LocalDate date) {
        return find(date).orElseThrow(() -> new NoVersionInForceException(date, firstFrom()));
    }

    /** The date the first version applies from. */
    public LocalDate firstFrom() {
        return versions.get(0).from();
    }

    public List<Version<T>> versions() {
        return versions;
    }

    public record Version<T>(LocalDate from, T policy) {
    }
}
