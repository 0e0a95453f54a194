package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConvoyTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
    private final StreamReaders readers = new StreamReaders(now::get);
    private final Convoy convoy = new Convoy(readers, 10_000, 200, 1_000);

    @Test
    void aMemberWaitsForOneFarBehindIt() {
        readers.at("meeting-register", 100_000, true);
        readers.at("development", 150_000, true);

        assertThat(convoy.shouldWait("development", 150_000)).isTrue();
        assertThat(convoy.shouldWait("meeting-register", 100_000)).isFalse();
    }

    @Test
    void theLeaderWaitsEvenWhenNobodyIsAheadOfIt() {
        // The first convoy compared members with the highest position handed out, which the leader itself set: in a
        // quiet store the leader never waited and the rebuilds drifted apart as before.
        readers.at("meeting-register", 100_000, true);
        readers.at("task-board", 400_000, true);

        assertThat(convoy.shouldWait("task-board", 400_000)).isTrue();
    }

    @Test
    void membersWithinTheSpreadGoOn() {
        readers.at("meeting-register", 100_000, true);
        readers.at("development", 110_000, true);

        assertThat(convoy.shouldWait("development", 110_000)).isFalse();
    }

    @Test
    void aReaderOutsideTheConvoyHoldsNobodyBack() {
        readers.at("Coordinator[meeting-register]", 100_000, false);
        readers.at("development", 150_000, true);

        assertThat(convoy.shouldWait("development", 150_000)).isFalse();
    }

    @Test
    void aMemberThatStoppedReadingHoldsNobodyBack() {
        readers.at("meeting-register", 100_000, true);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_001));
        readers.at("development", 150_000, true);

        assertThat(convoy.shouldWait("development", 150_000)).isFalse();
    }

    @Test
    void onlyThreadsThatJoinedAreMembers() throws Exception {
        AtomicBoolean inside = new AtomicBoolean();
        Thread member = new Thread(Convoy.joining(() -> inside.set(Convoy.member())));
        member.start();
        member.join();

        assertThat(inside).isTrue();
        assertThat(Convoy.member()).isFalse();
    }

    @Test
    void waitsNoLongerThanItsPatience() {
        StreamReaders real = new StreamReaders(System::nanoTime);
        Convoy patient = new Convoy(real, 10_000, 50, 60_000);
        real.at("meeting-register", 100_000, true);
        real.at("development", 150_000, true);

        long started = System.nanoTime();
        patient.beforeDatabaseRead("development", 150_000);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(waited).isBetween(50L, 5_000L);
    }

    @Test
    void goesOnAsSoonAsTheMemberBehindHasComeClose() throws Exception {
        StreamReaders real = new StreamReaders(System::nanoTime);
        Convoy patient = new Convoy(real, 10_000, 60_000, 60_000);
        real.at("meeting-register", 100_000, true);
        real.at("development", 150_000, true);
        AtomicReference<Thread> reading = new AtomicReference<>();
        CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
            reading.set(Thread.currentThread());
            patient.beforeDatabaseRead("development", 150_000);
        });

        // It is held back while the member behind is far away...
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.get() != null
                && reading.get().getState() == Thread.State.TIMED_WAITING);
        assertThat(read).isNotDone();
        real.at("meeting-register", 145_000, true);

        // ...and goes on once it has come close, long before its patience (a minute) runs out.
        read.get(10, TimeUnit.SECONDS);
    }
}
