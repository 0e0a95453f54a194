package vn.partyledger.ops.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConvoyTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
    private final Convoy convoy = new Convoy(10_000, 200, 1_000, now::get);

    @Test
    void aMemberWaitsForOneFarBehindIt() {
        convoy.at("meeting-register", 100_000);
        convoy.at("development", 150_000);

        assertThat(convoy.shouldWait("development", 150_000)).isTrue();
        assertThat(convoy.shouldWait("meeting-register", 100_000)).isFalse();
    }

    @Test
    void theLeaderWaitsEvenWhenNobodyIsAheadOfIt() {
        // The first convoy compared members with the highest position handed out, which the leader itself set: in a
        // quiet store the leader never waited and the rebuilds drifted apart as before.
        convoy.at("meeting-register", 100_000);
        convoy.at("task-board", 400_000);

        assertThat(convoy.shouldWait("task-board", 400_000)).isTrue();
    }

    @Test
    void membersWithinTheSpreadGoOn() {
        convoy.at("meeting-register", 100_000);
        convoy.at("development", 110_000);

        assertThat(convoy.shouldWait("development", 110_000)).isFalse();
    }

    @Test
    void aMemberThatStoppedReadingHoldsNobodyBack() {
        convoy.at("meeting-register", 100_000);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_001));
        convoy.at("development", 150_000);

        assertThat(convoy.shouldWait("development", 150_000)).isFalse();
    }

    @Test
    void onlyThreadsThatJoinedAreMembers() throws Exception {
        AtomicReference<String> inside = new AtomicReference<>();
        Thread member = new Thread(Convoy.joining("ratings", () -> inside.set(Convoy.member())));
        member.start();
        member.join();

        assertThat(inside).hasValue("ratings");
        assertThat(Convoy.member()).isNull();
    }

    @Test
    void waitsNoLongerThanItsPatience() {
        Convoy real = new Convoy(10_000, 50, 60_000, System::nanoTime);
        real.at("meeting-register", 100_000);
        real.at("development", 150_000);

        long started = System.nanoTime();
        real.beforeDatabaseRead("development", 150_000);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(waited).isBetween(50L, 5_000L);
    }

    @Test
    void goesOnAsSoonAsTheMemberBehindHasComeClose() throws Exception {
        Convoy real = new Convoy(10_000, 10_000, 60_000, System::nanoTime);
        real.at("meeting-register", 100_000);
        Thread behind = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            real.at("meeting-register", 145_000);
        });
        behind.start();

        long started = System.nanoTime();
        real.beforeDatabaseRead("development", 150_000);
        behind.join();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(90L, 5_000L);
    }
}
