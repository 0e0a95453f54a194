package vn.partyledger.ops.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import vn.partyledger.api.commitment.CommitmentSections;
import vn.partyledger.api.commitment.ReviewCommitment;
import vn.partyledger.api.commitment.SelfAssessCommitment;
import vn.partyledger.api.commitment.SubmitCommitment;
import vn.partyledger.api.meeting.AttendanceEntry;
import vn.partyledger.api.meeting.AttendanceStatus;
import vn.partyledger.api.meeting.MeetingKind;
import vn.partyledger.api.meeting.RecordHeldMeeting;
import vn.partyledger.api.member.EducationLevel;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.member.Gender;
import vn.partyledger.api.organization.CellType;
import vn.partyledger.api.organization.EstablishOrganization;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rating.DecideRatings;
import vn.partyledger.api.rating.DecisionRow;
import vn.partyledger.api.rating.OpenRating;
import vn.partyledger.api.rating.OpenRatingRound;
import vn.partyledger.api.rating.OpenRatings;
import vn.partyledger.api.rating.Score;
import vn.partyledger.api.rating.SubmitSelfReview;
import vn.partyledger.api.rules.rating.RatingLevel;
import vn.partyledger.api.rules.rating.RatingSubject;
import vn.partyledger.api.task.AssignTask;
import vn.partyledger.api.task.AssigningBody;
import vn.partyledger.api.task.RecordTaskResult;
import vn.partyledger.api.task.TaskKind;
import vn.partyledger.api.task.TaskOutcome;

/**
 * A synthetic province loaded through the command bus of a service running in this JVM: every command goes through
 * the aggregates, their rules and the command-side lookups exactly as an HTTP request's would (the actor is
 * {@code system}, as there is no logged-in user), only without HTTP, JSON and the access check. At scale 1: 50,000
 * members in 3,000 cells of 200 communes, and for {@link #YEAR} twelve regular meetings per cell with every member's
 * attendance, one task per member with its result, one commitment per member submitted, reviewed and
 * self-assessed, and each commune's December rating round (every member listed, self-reviewed and decided in one
 * decision) — about 1.1 M events. Ids are random; the attendance pattern is seeded per cell and month.
 */
final class ProvinceGenerator {

    static final int YEAR = 2025;
    static final int CELLS_PER_COMMUNE = 15;
    /**
     * Cells kept free of meetings after {@link #YEAR} for the ingest measurement: 42 members each, so that a whole
     * meeting is 45 events (scheduled, opened, 42 attendance rows, closed), the size the targets are given for.
     */
    static final int INGEST_CELLS = 48;
    static final int INGEST_CELL_MEMBERS = 42;
    /** The commune of the ingest cells, by name: how a reused ledger's ingest cells are told from the others. */
    static final String INGEST_COMMUNE = "Đảng bộ xã đo tải";
    private static final CommitmentSections SECTIONS = new CommitmentSections("Học tập nghị quyết",
            "Giữ gìn lối sống", "Phụ trách nhóm hộ", "Sinh hoạt đầy đủ", "Mạnh dạn phát biểu", "Giúp 2 hộ thoát nghèo");

    /** What was loaded: the ids the measurements address, and how many commands it took. */
    record Province(String provinceId, List<String> communes, List<Cell> cells, List<Cell> ingestCells,
                    long commands, double seconds, Map<String, Double> phases) {
        List<String> members() {
            List<String> all = new ArrayList<>();
            cells.forEach(c -> all.addAll(c.members()));
            return all;
        }
    }

    record Cell(String id, String communeId, List<String> members) {
    }

    /**
     * The province an earlier run loaded into this database ({@code -Dbench.ledger}), read back from its read models:
     * its cells, communes and the members on each cell's roll now. How long its load took is not known here.
     */
    static Province readBack(Connection c) throws SQLException {
        String province = null;
        String ingestCommune = null;
        List<String> communes = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select organization_id, level, name from org_tree_organization where level in ('PROVINCE', 'COMMUNE')"
                        + " order by organization_id")) {
            while (rs.next()) {
                if (rs.getString("level").equals("PROVINCE")) {
                    if (province != null) {
                        throw new IllegalStateException("more than one province in the reused ledger");
                    }
                    province = rs.getString("organization_id");
                } else if (rs.getString("name").equals(INGEST_COMMUNE)) {
                    ingestCommune = rs.getString("organization_id");
                } else {
                    communes.add(rs.getString("organization_id"));
                }
            }
        }
        if (province == null || ingestCommune == null) {
            throw new IllegalStateException("the reused ledger holds no province loaded by this benchmark");
        }
        Map<String, Cell> byId = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        List<Cell> ingestCells = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select o.organization_id, p.parent_id from org_tree_organization o join org_tree_parent_period p"
                        + " using (organization_id) where o.level = 'CELL' order by o.organization_id")) {
            while (rs.next()) {
                Cell cell = new Cell(rs.getString(1), rs.getString(2), new ArrayList<>());
                byId.put(cell.id(), cell);
                (cell.communeId().equals(ingestCommune) ? ingestCells : cells).add(cell);
            }
        }
        try (Statement st = c.createStatement()) {
            st.setFetchSize(10_000);
            c.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("select member_id, organization_id from member_roll_member"
                    + " where organization_id is not null order by member_id")) {
                while (rs.next()) {
                    Cell cell = byId.get(rs.getString(2));
                    if (cell != null) {
                        cell.members().add(rs.getString(1));
                    }
                }
            }
            c.commit();
        }
        return new Province(province, communes, cells, ingestCells, 0, Double.NaN, Map.of());
    }

    private final CommandGateway gateway;
    private final int threads;
    private final AtomicLong commands = new AtomicLong();
    /** Seconds per kind of command, in the order they were loaded. */
    private final Map<String, Double> phases = new LinkedHashMap<>();

    ProvinceGenerator(CommandGateway gateway, int threads) {
        this.gateway = gateway;
        this.threads = threads;
    }

    Province load(double scale) throws Exception {
        long t0 = System.nanoTime();
        int cellCount = Math.max(1, (int) Math.round(3000 * scale));
        int memberCount = Math.max(cellCount, (int) Math.round(50_000 * scale));
        int communeCount = (cellCount + CELLS_PER_COMMUNE - 1) / CELLS_PER_COMMUNE;
        LocalDate founded = LocalDate.of(2010, 1, 1);
        String province = id();
        send(new EstablishOrganization(province, OrganizationLevel.PROVINCE, null, null, "Đảng bộ tỉnh mẫu " + scale,
                null, founded));
        List<String> communes = new ArrayList<>();
        List<Supplier<Object>> batch = new ArrayList<>();
        for (int i = 0; i < communeCount; i++) {
            String c = id();
            communes.add(c);
            int n = i;
            batch.add(() -> new EstablishOrganization(c, OrganizationLevel.COMMUNE, null, province, "Đảng bộ xã " + n,
                    null, founded));
        }
        run("communes", batch);
        List<Cell> cells = new ArrayList<>();
        batch.clear();
        CellType[] types = {CellType.VILLAGE, CellType.VILLAGE, CellType.VILLAGE, CellType.SCHOOL, CellType.HEALTH_STATION};
        for (int i = 0; i < cellCount; i++) {
            String cell = id();
            String commune = communes.get(i / CELLS_PER_COMMUNE);
            cells.add(new Cell(cell, commune, new ArrayList<>()));
            CellType type = types[i % types.length];
            int n = i;
            batch.add(() -> new EstablishOrganization(cell, OrganizationLevel.CELL, type, commune, "Chi bộ " + n,
                    null, founded));
        }
        String ingestCommune = id();
        send(new EstablishOrganization(ingestCommune, OrganizationLevel.COMMUNE, null, province, INGEST_COMMUNE,
                null, founded));
        List<Cell> ingestCells = new ArrayList<>();
        for (int i = 0; i < INGEST_CELLS; i++) {
            String cell = id();
            ingestCells.add(new Cell(cell, ingestCommune, new ArrayList<>()));
            int n = i;
            batch.add(() -> new EstablishOrganization(cell, OrganizationLevel.CELL, CellType.AGENCY, ingestCommune,
                    "Chi bộ đo tải " + n, null, founded));
        }
        run("cells", batch);

        // Members spread evenly over the cells (16 or 17 each at every scale), taken over from the paper roll.
        batch.clear();
        for (int i = 0; i < memberCount; i++) {
            Cell cell = cells.get(i % cellCount);
            String member = id();
            cell.members().add(member);
            int n = i;
            batch.add(() -> enrol(member, cell.id(), n));
        }
        int enrolled = memberCount;
        for (Cell cell : ingestCells) {
            for (int i = 0; i < INGEST_CELL_MEMBERS; i++) {
                String member = id();
                cell.members().add(member);
                int n = enrolled++;
                batch.add(() -> enrol(member, cell.id(), n));
            }
        }
        run("members", batch);

        // A year of regular meetings: every member on the roll gets an attendance row; a few are late or excused.
        batch.clear();
        for (int c = 0; c < cellCount; c++) {
            Cell cell = cells.get(c);
            for (int month = 1; month <= 12; month++) {
                LocalDate heldOn = LocalDate.of(YEAR, month, 5);
                long seed = c * 100L + month;
                batch.add(() -> new RecordHeldMeeting(id(), cell.id(), MeetingKind.REGULAR, heldOn,
                        List.of("Đánh giá kết quả tháng", "Nhiệm vụ tháng tới"), false, null, null, null, null,
                        attendance(cell.members(), new Random(seed)), List.of(), List.of(), List.of(), null, 120));
            }
        }
        run("meetings", batch);

        // One task per member (assigned in January, result in June) and one commitment per member for the year.
        batch.clear();
        List<Supplier<Object>> results = new ArrayList<>();
        for (Cell cell : cells) {
            for (String member : cell.members()) {
                String task = id();
                batch.add(() -> new AssignTask(task, cell.id(), member, AssigningBody.CELL, null, TaskKind.OTHER,
                        "Vận động các hộ tham gia vệ sinh môi trường", null, LocalDate.of(YEAR, 6, 30),
                        "Mọi hộ trong nhóm tham gia", LocalDate.of(YEAR, 1, 10)));
                results.add(() -> new RecordTaskResult(task, TaskOutcome.ACHIEVED, "Biên bản họp chi bộ tháng 6",
                        LocalDate.of(YEAR, 6, 20)));
                String commitment = SubmitCommitment.idOf(member, YEAR);
                batch.add(() -> new SubmitCommitment(commitment, member, YEAR, SECTIONS, LocalDate.of(YEAR, 1, 15)));
                results.add(() -> new ReviewCommitment(commitment, "đạt", LocalDate.of(YEAR, 1, 25)));
                results.add(() -> new SelfAssessCommitment(commitment, true, "Hoàn thành các nội dung cam kết",
                        LocalDate.of(YEAR, 12, 10)));
            }
        }
        run("tasks and commitments", batch);
        run("task results, commitment reviews and self-assessments", results);

        // The December rating round of each commune: its members put on the round in one list, each member's
        // self-review (a score on the 2025 frame), then one decision rating the whole list.
        Map<String, List<String>> communeMembers = new LinkedHashMap<>();
        for (Cell cell : cells) {
            communeMembers.computeIfAbsent(cell.communeId(), c -> new ArrayList<>()).addAll(cell.members());
        }
        batch.clear();
        List<Supplier<Object>> selfReviews = new ArrayList<>();
        List<Supplier<Object>> decisions = new ArrayList<>();
        int decisionNo = 0;
        for (Map.Entry<String, List<String>> commune : communeMembers.entrySet()) {
            String round = OpenRatingRound.idOf(commune.getKey(), YEAR);
            List<OpenRatings.Row> listed = new ArrayList<>();
            List<DecisionRow> decided = new ArrayList<>();
            for (String member : commune.getValue()) {
                String rating = OpenRating.idOf(round, RatingSubject.MEMBER, member);
                listed.add(new OpenRatings.Row(rating, RatingSubject.MEMBER, member, null));
                selfReviews.add(() -> new SubmitSelfReview(round, rating, RatingLevel.GOOD, new Score(28, 60),
                        "Tự kiểm điểm năm " + YEAR, LocalDate.of(YEAR, 12, 3)));
                decided.add(new DecisionRow(rating, RatingLevel.GOOD, null, null, null));
            }
            String number = ++decisionNo + "-QĐ/ĐU";
            batch.add(() -> {
                send(new OpenRatingRound(round, commune.getKey(), YEAR, LocalDate.of(YEAR, 12, 1)));
                return new OpenRatings(round, listed, LocalDate.of(YEAR, 12, 2));
            });
            decisions.add(() -> new DecideRatings(round, number, decided, null, LocalDate.of(YEAR, 12, 20)));
        }
        run("rating rounds with their members", batch);
        run("self-reviews", selfReviews);
        run("rating decisions", decisions);
        return new Province(province, communes, cells, ingestCells, commands.get(),
                (System.nanoTime() - t0) / 1e9, phases);
    }

    static EnrollExistingMember enrol(String member, String cellId, int n) {
        LocalDate admitted = LocalDate.of(1980 + n % 40, 1 + n % 12, 1 + n % 28);
        return new EnrollExistingMember(member, cellId, "Đảng viên " + n, admitted.minusYears(25),
                n % 2 == 0 ? Gender.MALE : Gender.FEMALE, "Kinh", EducationLevel.UPPER_SECONDARY, admitted, admitted,
                admitted.plusYears(1), null, "sổ đảng viên 2024", LocalDate.of(2024, 12, 1));
    }

    /** Most members present; the rest late, excused (with the reason the rules ask for) or absent without one. */
    static List<AttendanceEntry> attendance(List<String> members, Random random) {
        List<AttendanceEntry> rows = new ArrayList<>(members.size());
        for (String member : members) {
            int roll = random.nextInt(100);
            if (roll < 85) {
                rows.add(new AttendanceEntry(member, AttendanceStatus.PRESENT, null));
            } else if (roll < 92) {
                rows.add(new AttendanceEntry(member, AttendanceStatus.LATE, null));
            } else if (roll < 98) {
                rows.add(new AttendanceEntry(member, AttendanceStatus.ABSENT_EXCUSED, "ốm"));
            } else {
                rows.add(new AttendanceEntry(member, AttendanceStatus.ABSENT_NO_REASON, null));
            }
        }
        return rows;
    }

    private void send(Object command) {
        gateway.sendAndWait(command);
        commands.incrementAndGet();
    }

    /** Sends the commands from {@link #threads} threads; the first refused one fails the load. */
    private void run(String phase, List<Supplier<Object>> batch) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>(batch.size());
            for (Supplier<Object> command : batch) {
                sent.add(pool.submit(() -> send(command.get())));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        phases.put(phase + " (" + batch.size() + " commands)", (System.nanoTime() - t0) / 1e9);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
