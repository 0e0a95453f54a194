package vn.partyledger.ops.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partyledger.api.member.Gender;

class RollImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final List<String> HEADER = List.of("Chi bộ", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng",
            "Ngày chính thức");
    static final Map<String, String> CELLS = Map.of("chi bộ bản na tông 1", "cell-1");
    /** Reasons as their key and arguments, so the test reads what was reported without the message texts. */
    static final RollImport.Reasons KEYS = (key, args) -> key + Arrays.toString(args);

    @Test
    void aGoodRowBecomesAnEnrolmentOfTheNamedCell() {
        RollImport.Checked checked = check(List.of("Chi bộ bản Na Tông 1", "  Lò  Văn Xuân ", "01/05/1975", "Nam",
                "1/3/2000", "2001-03-01"));
        assertThat(checked.bad()).isEmpty();
        RollImport.Row row = checked.rows().get(0);
        assertThat(row.fullName()).isEqualTo("Lò Văn Xuân");
        assertThat(row.cellId()).isEqualTo("cell-1");
        assertThat(row.gender()).isEqualTo(Gender.MALE);
        assertThat(row.birthDate()).isEqualTo(LocalDate.of(1975, 5, 1));
        assertThat(row.admittedOn()).isEqualTo(LocalDate.of(2000, 3, 1));
        assertThat(row.officialOn()).isEqualTo(LocalDate.of(2001, 3, 1));
        assertThat(row.line()).isEqualTo(2);
    }

    @Test
    void everyBadRowIsReportedWithAllItsReasons() {
        RollImport.Checked checked = check(
                List.of("Chi bộ bản Na Tông 1", "Lò Văn Xuân", "31/02/1975", "Nam", "01/03/2000", ""),
                List.of("Chi bộ khác", "Vì Thị Hoa", "01/05/1980", "nữ", "01/03/2001", "01/03/2000"),
                List.of("Chi bộ bản Na Tông 1", "", "01/05/1980", "?", "01/03/2030", ""));
        assertThat(checked.rows()).isEmpty();
        assertThat(checked.bad()).extracting(RollImport.Bad::line, RollImport.Bad::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "import.bad.birthDate[31/02/1975]"),
                org.assertj.core.groups.Tuple.tuple(3, "import.bad.officialOn[01/03/2000] import.bad.cell[Chi bộ khác]"),
                org.assertj.core.groups.Tuple.tuple(4, "import.bad.name[] import.bad.gender[?] import.bad.admittedOn[01/03/2030]"));
    }

    @Test
    void aCellWithAControlCharacterMakesItsRowBadAndOtherCellsArriveInNfc() {
        String decomposed = java.text.Normalizer.normalize("Lò Văn Xuân", java.text.Normalizer.Form.NFD);
        RollImport.Checked checked = check(
                List.of("Chi bộ bản Na Tông 1", "Vì Thị\u0007 Hoa", "01/05/1980", "Nữ", "01/03/2001", ""),
                List.of("Chi bộ bản Na Tông 1", decomposed, "01/05/1975", "Nam", "01/03/2000", ""));
        assertThat(checked.bad()).extracting(RollImport.Bad::line, RollImport.Bad::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2,
                        "import.bad.text[Họ và tên, contains the control character U+0007 at character 6]"));
        assertThat(checked.rows()).extracting(RollImport.Row::fullName).containsExactly("Lò Văn Xuân");
    }

    @Test
    void theSamePersonTwiceInOneFileIsABadRow() {
        RollImport.Checked checked = check(
                List.of("Chi bộ bản Na Tông 1", "Lò Văn Xuân", "01/05/1975", "Nam", "01/03/2000", ""),
                List.of("Chi bộ bản Na Tông 1", "LÒ VĂN XUÂN", "1975-05-01", "Nam", "01/03/2001", ""));
        assertThat(checked.rows()).hasSize(1);
        assertThat(checked.bad()).extracting(RollImport.Bad::reason).containsExactly("import.bad.duplicate[2]");
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderLine() {
        RollImport.Checked checked = RollImport.check("commune", List.of(List.of("Họ và tên", "Ngày sinh")), CELLS,
                TODAY, KEYS);
        assertThat(checked.bad()).extracting(RollImport.Bad::line).containsOnly(1);
        assertThat(checked.bad()).hasSize(4);
    }

    @Test
    void memberIdsFollowDecision0012AndIgnoreSpacingAndCase() {
        String id = RollImport.memberId("commune-1", "Lò Văn Xuân", LocalDate.of(1975, 5, 1));
        assertThat(RollImport.memberId("commune-1", " lò  văn XUÂN", LocalDate.of(1975, 5, 1))).isEqualTo(id);
        assertThat(RollImport.memberId("commune-2", "Lò Văn Xuân", LocalDate.of(1975, 5, 1))).isNotEqualTo(id);
        assertThat(id).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                "roll-import|commune-1|lò văn xuân|1975-05-01".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
    }

    @SafeVarargs
    private static RollImport.Checked check(List<String>... rows) {
        List<List<String>> sheet = new java.util.ArrayList<>();
        sheet.add(HEADER);
        sheet.addAll(List.of(rows));
        return RollImport.check("commune", sheet, CELLS, TODAY, KEYS);
    }
}
