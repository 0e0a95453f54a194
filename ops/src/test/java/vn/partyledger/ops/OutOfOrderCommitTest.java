package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.partyledger.api.envelope.OrganizationScoped;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.OrganizationLevel;

/**
 * The failure the ledger's storage exists to prevent, through the running service: a command's transaction stays open
 * longer than Axon's gap timeout (60 s) while more than Axon's maxGapOffset (10,000) later events are stored and read by
 * every read model, and only then commits. Every read model still applies its events, exactly once, and its scope's
 * sequence has no hole. (On Axon's stock engine the same race loses the events: EventOrderingTest shows it.)
 */
class OutOfOrderCommitTest extends LedgerTestSupport {

    /** Facts no read model handles: they only move every processor's position far past the open transaction. */
    record RaceNoise(String organizationId, int n) implements OrganizationScoped {
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventBus eventBus;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommandCommittingAfterTenThousandLaterEventsAndTheGapTimeoutIsAppliedByEveryReadModelOnce() throws Exception {
        Scenario s = new Scenario(operator());
        String province = s.establish("PROVINCE", null, null, "Tỉnh Lai Châu", "2010-01-01");
        String commune = s.establish("COMMUNE", null, province, "Đảng bộ xã Mường Tè", "2010-01-01");
        String cell = UUID.randomUUID().toString();
        String member = UUID.randomUUID().toString();

        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread held = new Thread(() -> {
            try {
                // The commands join this transaction: their events are appended, then wait uncommitted.
                new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                    commands.sendAndWait(new EstablishOrganization(cell, OrganizationLevel.CELL, CellType.VILLAGE,
                            commune, "Chi bộ bản Pa Ủ", null, LocalDate.parse("2010-01-01")));
                    commands.sendAndWait(new EnrollExistingMember(member, cell, "Lò Văn Pa", LocalDate.parse("1975-05-01"),
                            Gender.MALE, "Hà Nhì", EducationLevel.UPPER_SECONDARY, LocalDate.parse("2000-03-01"),
                            LocalDate.parse("2000-03-01"), LocalDate.parse("2001-03-01"), null, "paper roll",
                            LocalDate.parse("2019-12-01")));
                    stored.countDown();
                    try {
                        release.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
                stored.countDown();
            }
        }, "held-transaction");
        long openedAt = System.nanoTime();
        held.start();
        assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();

        for (int batch = 0; batch < 21; batch++) {
            List<EventMessage<?>> noise = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                noise.add(GenericEventMessage.asEventMessage(new RaceNoise("race-noise-" + (i % 4), batch * 500 + i)));
            }
            eventBus.publish(noise);
        }
        s.awaitCaughtUp();
        assertThat(operator().get("/api/v1/organizations/" + cell).status())
                .as("not visible while its transaction is open").isEqualTo(404);

        // The transaction stays open past Axon's gap timeout (60 s) before it commits: a duration is the condition here.
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> System.nanoTime() - openedAt > TimeUnit.SECONDS.toNanos(61));
        release.countDown();
        held.join();
        assertThat(failure.get()).isNull();

        s.awaitGet("/api/v1/organizations/" + cell + "/roll", r -> r.path("total").asInt() == 1);
        s.awaitGet("/api/v1/organizations/" + commune + "/tree",
                t -> t.path("roots").path(0).path("subtreeCounts").path("official").asInt() == 1);
        // Exactly once: a second delivery would count the member twice.
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                operator().get("/api/v1/organizations/" + cell + "/roll").body().path("total").asInt() == 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE aggregateidentifier IN (?, ?)",
                Long.class, cell, member)).as("nothing parked").isZero();

        for (String scope : List.of(cell, "race-noise-0", "race-noise-3")) {
            List<Long> seqs = jdbc.queryForList(
                    "SELECT scope_seq FROM ledger_event WHERE scope_id = ? ORDER BY scope_seq", Long.class, scope);
            assertThat(seqs).as("scope %s numbered without a hole", scope)
                    .isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_event WHERE scope_id = ?", Long.class, cell))
                .isEqualTo(2L);
    }
}
