package vn.partyledger.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time used by each side of a measurement, from {@code /proc}: the service's JVM, the embedded PostgreSQL (its
 * postmaster, the postmaster's live children and the children it has already reaped) and this JVM, which runs the
 * benchmark's clients. Ratios say how fast the service is beside PostgreSQL; this says where its time went, and so how
 * far PostgreSQL's own share of the work lets any service on top of it go.
 */
final class CpuAccount {

    /** USER_HZ: {@code /proc/<pid>/stat} counts CPU time in 1/100 s on Linux. */
    static final double TICKS_PER_SECOND = 100;

    /** CPU seconds of each side since some origin; subtract two to get a phase's use. */
    record Seconds(double service, double postgres, double clients) {
        Seconds minus(Seconds earlier) {
            return new Seconds(service - earlier.service, postgres - earlier.postgres, clients - earlier.clients);
        }
    }

    private final Process service;
    private final Path postgresData;

    CpuAccount(Process service, Path postgresData) {
        this.service = service;
        this.postgresData = postgresData;
    }

    Seconds now() {
        try {
            return new Seconds(ticks(service.pid(), false) / TICKS_PER_SECOND, postgresTicks() / TICKS_PER_SECOND,
                    ticks(ProcessHandle.current().pid(), false) / TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** utime + stime of the service's JVM, in ticks (for {@link ProvinceBenchmarkTest}'s settling). */
    static long serviceTicks(Process service) throws IOException {
        return ticks(service.pid(), false);
    }

    private long postgresTicks() throws IOException {
        // postmaster.pid's first line is the postmaster's process id; its backends and workers are its children.
        long postmaster = Long.parseLong(Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim());
        long total = ticks(postmaster, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p.getFileName()))) {
            for (Path p : processes) {
                String[] fields = statFields(p.resolve("stat"));
                if (fields != null && Long.parseLong(fields[1]) == postmaster) {
                    total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return total;
    }

    /** utime + stime (fields 14 and 15 of {@code stat}), and with {@code reaped} cutime + cstime (16 and 17). */
    private static long ticks(long pid, boolean reaped) throws IOException {
        String[] fields = statFields(Path.of("/proc", Long.toString(pid), "stat"));
        if (fields == null) {
            throw new IllegalStateException("process " + pid + " is gone");
        }
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    /** The fields after the command name (which may hold spaces): [0] is the state, [1] the parent's pid. */
    private static String[] statFields(Path stat) throws IOException {
        String s;
        try {
            s = Files.readString(stat);
        } catch (NoSuchFileException gone) {
            // A backend that exited after the postmaster was read: its time shows in the postmaster's reaped time from
            // the next snapshot on (pooled backends rarely exit).
            return null;
        }
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private static boolean isPid(Path name) {
        String s = name.toString();
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
