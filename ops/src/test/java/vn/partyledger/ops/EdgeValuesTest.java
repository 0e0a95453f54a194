package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.partyledger.ops.LedgerClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Read models must never be the first to find an event unreadable: events carrying every edge value the input
 * validation accepts (longest texts, astral-plane characters, decomposed Vietnamese stored as NFC, tab and newline in
 * free text, dates at both ends of the accepted range) are stored through the API, and every read model applies them:
 * no dead letter, and the values read back are the ones stored.
 */
class EdgeValuesTest extends LedgerTestSupport {

    /** {@code length} UTF-16 units: decomposed Vietnamese (composed on the way in), one astral character, padding. */
    private static String text(String start, int length) {
        StringBuilder s = new StringBuilder(Normalizer.normalize(start, Normalizer.Form.NFD)).append("𠀧");
        while (Normalizer.normalize(s, Normalizer.Form.NFC).length() < length) {
            s.append("ễ");
        }
        String nfc = Normalizer.normalize(s, Normalizer.Form.NFC);
        return Normalizer.normalize(nfc.substring(0, length), Normalizer.Form.NFD);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    @Test
    void eventsWithEveryAcceptedEdgeValueAreAppliedByEveryReadModel() {
        LedgerClient op = operator();
        Scenario s = new Scenario(op);
        String first = "1900-01-01";
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String lastAccepted = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();

        String provinceName = text("Đảng bộ tỉnh Quảng Ngãi ", 200);
        String province = s.establish("PROVINCE", null, null, provinceName, first);
        String commune = s.establish("COMMUNE", null, province, text("Xã Nghĩa Hành ", 200), first);
        String cell = s.establish("CELL", "VILLAGE", commune, text("Chi bộ thôn Ấp ", 200), first);

        String fullName = text("Nguyễn Thị Ánh ", 200);
        LedgerClient.Response enrolled = op.post("/api/v1/members/enrollments", json("organizationId", cell,
                "fullName", fullName, "birthDate", first, "gender", "FEMALE", "ethnicity", text("Hrê ", 50),
                "educationLevel", "UPPER_SECONDARY", "admittedOn", "1950-01-01", "ceremonyDate", "1950-01-01",
                "officialOn", "1951-01-01", "cardNumber", text("Số ", 50),
                "source", "sổ đảng viên\tquyển 1\ntrang 2 " + text("ghi chú ", 150), "occurredOn", today));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String member = enrolled.id();

        List<String> agenda = List.of(text("Đánh giá\tkết quả\n", 500), text("Nhiệm vụ 😀 ", 500));
        LedgerClient.Response meeting = op.post("/api/v1/organizations/" + cell + "/meetings",
                json("kind", "REGULAR", "heldOn", lastAccepted, "agenda", agenda, "occurredOn", today));
        assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);

        LedgerClient.Response households = op.post("/api/v1/organizations/" + cell + "/households", json(
                "households", List.of(Map.of("householdId", "H-𠀧-1", "label", text("Hộ bà Lê ", 200))),
                "occurredOn", today));
        assertThat(households.status()).as(households.toString()).isEqualTo(202);
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("assigneeId", member);
        task.put("assignedBy", "CELL");
        task.put("kind", "HOUSEHOLD_GROUP");
        task.put("householdIds", List.of("H-𠀧-1"));
        task.put("description", text("Phụ trách\tnhóm hộ\n", 2000));
        task.put("dueDate", lastAccepted);
        task.put("expectedResult", text("Không hộ nào vi phạm ", 2000));
        task.put("occurredOn", today);
        LedgerClient.Response assigned = op.post("/api/v1/organizations/" + cell + "/tasks", task);
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);

        Map<String, String> sections = new LinkedHashMap<>();
        for (String name : List.of("politicalIdeology", "ethicsAndLifestyle", "assignedDuties",
                "organizationalDiscipline", "remedyingShortcomings", "congressResolutionPlan")) {
            sections.put(name, text("Cam kết\t" + name + "\n", 4000));
        }
        LedgerClient.Response pledged = op.post("/api/v1/members/" + member + "/commitments",
                json("year", LocalDate.now(ZoneOffset.UTC).getYear(), "sections", sections, "occurredOn", today));
        assertThat(pledged.status()).as(pledged.toString()).isEqualTo(201);

        s.awaitCaughtUp();
        JsonNode letters = op.get("/api/v1/ops/dead-letters?size=1000").body().path("items");
        for (JsonNode letter : letters) {
            assertThat(letter.path("processingGroup").asText()).as(letter.toString()).isEqualTo(FailingProjection.GROUP);
        }

        JsonNode org = s.awaitGet("/api/v1/organizations/" + province, o -> o.has("name"));
        assertThat(org.path("name").asText()).isEqualTo(nfc(provinceName)).hasSize(200);
        JsonNode record = s.awaitGet("/api/v1/members/" + member, m -> m.has("fullName"));
        assertThat(record.path("fullName").asText()).isEqualTo(nfc(fullName));
        JsonNode view = s.awaitGet("/api/v1/meetings/" + meeting.id(), m -> m.has("agenda"));
        assertThat(view.path("agenda").findValuesAsText("")).isEmpty();
        assertThat(view.path("agenda").toString()).contains(nfc(agenda.get(1)));
        s.awaitGet("/api/v1/organizations/" + cell + "/task-board", b -> b.path("openTasks").asInt() == 1);
        s.awaitGet("/api/v1/organizations/" + cell + "/commitment-coverage?year=" + LocalDate.now(ZoneOffset.UTC)
                .getYear(), c -> c.toString().contains("\"submitted\":1"));
    }
}
