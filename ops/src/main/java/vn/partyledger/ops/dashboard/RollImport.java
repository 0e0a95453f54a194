package vn.partyledger.ops.dashboard;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.partyledger.ops.web.StrictText;

/**
 * A commune's paper roll read from a spreadsheet: one row per member with the paper roll's columns (name, birth date,
 * gender, admission and official dates, cell). Checking a row needs no database; every bad row gets its reason.
 * Each person's member id is derived from the commune and the person (decision 0012), so the same row imported twice
 * names the same member and is stored once.
 */
final class RollImport {

    enum Column { FULL_NAME, BIRTH_DATE, GENDER, ADMITTED_ON, OFFICIAL_ON, CELL }

    /** Header texts accepted for each column: the Vietnamese paper roll's and the English export's. */
    static final Map<String, Column> HEADERS = Map.ofEntries(
            Map.entry("họ và tên", Column.FULL_NAME), Map.entry("full name", Column.FULL_NAME),
            Map.entry("ngày sinh", Column.BIRTH_DATE), Map.entry("birth date", Column.BIRTH_DATE),
            Map.entry("giới tính", Column.GENDER), Map.entry("gender", Column.GENDER),
            Map.entry("ngày vào đảng", Column.ADMITTED_ON), Map.entry("admitted on", Column.ADMITTED_ON),
            Map.entry("ngày chính thức", Column.OFFICIAL_ON), Map.entry("official on", Column.OFFICIAL_ON),
            Map.entry("chi bộ", Column.CELL), Map.entry("cell", Column.CELL));

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            strict("d/M/uuuu"), strict("d-M-uuuu"), strict("d.M.uuuu"));

    /** A row that passed every check; {@code line} is its line in the file (the header is line 1). */
    record Row(int line, String memberId, String fullName, LocalDate birthDate, vn.partyledger.api.member.Gender gender,
               LocalDate admittedOn, LocalDate officialOn, String cellId, String cellName) {
    }

    /** A row that cannot be imported, with the reason in the page's language. */
    record Bad(int line, String fullName, String reason) {
    }

    record Checked(List<Row> rows, List<Bad> bad) {
    }

    /**
     * @param cells the commune's cells by normalised name
     * @param reason message lookup: key and arguments to text
     */
    static Checked check(String communeId, List<List<String>> sheet, Map<String, String> cells, LocalDate today,
                         Reasons reason) {
        List<Row> rows = new ArrayList<>();
        List<Bad> bad = new ArrayList<>();
        if (sheet.isEmpty()) {
            bad.add(new Bad(1, "", reason.text("import.bad.noHeader")));
            return new Checked(rows, bad);
        }
        Map<Column, Integer> at = new HashMap<>();
        List<String> header = sheet.get(0);
        for (int c = 0; c < header.size(); c++) {
            Column column = HEADERS.get(normalise(header.get(c)));
            if (column != null) {
                at.putIfAbsent(column, c);
            }
        }
        for (Column required : Column.values()) {
            if (!at.containsKey(required)) {
                bad.add(new Bad(1, "", reason.text("import.bad.missingColumn", reason.text("import.col." + required))));
            }
        }
        if (!bad.isEmpty()) {
            return new Checked(rows, bad);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < sheet.size(); r++) {
            List<String> cellsOfRow = sheet.get(r);
            int line = r + 1;
            if (cellsOfRow.stream().allMatch(s -> s == null || s.isBlank())) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            cellsOfRow = textChecked(cellsOfRow, header, reasons, reason);
            String name = clean(value(cellsOfRow, at.get(Column.FULL_NAME)));
            if (name.isEmpty() || name.length() > 200) {
                reasons.add(reason.text("import.bad.name"));
            }
            LocalDate birth = date(value(cellsOfRow, at.get(Column.BIRTH_DATE)));
            if (birth == null || !birth.isBefore(today)) {
                reasons.add(reason.text("import.bad.birthDate", value(cellsOfRow, at.get(Column.BIRTH_DATE))));
            }
            vn.partyledger.api.member.Gender gender = gender(value(cellsOfRow, at.get(Column.GENDER)));
            if (gender == null) {
                reasons.add(reason.text("import.bad.gender", value(cellsOfRow, at.get(Column.GENDER))));
            }
            LocalDate admitted = date(value(cellsOfRow, at.get(Column.ADMITTED_ON)));
            if (admitted == null || admitted.isAfter(today) || (birth != null && !admitted.isAfter(birth))) {
                reasons.add(reason.text("import.bad.admittedOn", value(cellsOfRow, at.get(Column.ADMITTED_ON))));
            }
            String officialText = value(cellsOfRow, at.get(Column.OFFICIAL_ON));
            LocalDate official = officialText.isBlank() ? null : date(officialText);
            if (!officialText.isBlank() && (official == null || official.isAfter(today)
                    || (admitted != null && official.isBefore(admitted)))) {
                reasons.add(reason.text("import.bad.officialOn", officialText));
            }
            String cellName = clean(value(cellsOfRow, at.get(Column.CELL)));
            String cellId = cells.get(normalise(cellName));
            if (cellId == null) {
                reasons.add(reason.text("import.bad.cell", cellName));
            }
            String memberId = birth == null || name.isEmpty() ? null : memberId(communeId, name, birth);
            if (memberId != null && seen.containsKey(memberId)) {
                reasons.add(reason.text("import.bad.duplicate", seen.get(memberId)));
            }
            if (reasons.isEmpty()) {
                seen.put(memberId, line);
                rows.add(new Row(line, memberId, name, birth, gender, admitted, official, cellId, cellName));
            } else {
                bad.add(new Bad(line, name, String.join(" ", reasons)));
            }
        }
        return new Checked(rows, bad);
    }

    /**
     * Every cell of the row through the API's text rules (NFC, no control characters, no lone surrogates): a file
     * carries whatever its author's tool put in, and a bad cell makes the row bad rather than reach an event.
     */
    private static List<String> textChecked(List<String> row, List<String> header, List<String> reasons,
                                            Reasons reason) {
        List<String> checked = new ArrayList<>(row.size());
        for (int c = 0; c < row.size(); c++) {
            String raw = row.get(c);
            if (raw == null) {
                checked.add(null);
                continue;
            }
            try {
                checked.add(StrictText.check(raw, false));
            } catch (IllegalArgumentException e) {
                String column = c < header.size() && header.get(c) != null ? header.get(c) : String.valueOf(c + 1);
                reasons.add(reason.text("import.bad.text", column, e.getMessage()));
                checked.add(raw);
            }
        }
        return checked;
    }

    /**
     * Decision 0012: {@code UUID v3("roll-import|<communeId>|<name NFC, spaces collapsed, lower case>|<birth date>")}.
     * Never change this: a second import of an old roll would no longer find the members the first one stored.
     */
    static String memberId(String communeId, String fullName, LocalDate birthDate) {
        String key = "roll-import|" + communeId + "|" + normalise(fullName) + "|" + birthDate;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 31/02/1980 is a typing error to report, not 29 February. */
    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    static String normalise(String s) {
        return clean(s).toLowerCase(Locale.ROOT);
    }

    private static String clean(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    private static String value(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column).strip() : "";
    }

    private static LocalDate date(String s) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s.strip(), f);
            } catch (DateTimeParseException next) {
                // try the next format the paper rolls use
            }
        }
        return null;
    }

    private static vn.partyledger.api.member.Gender gender(String s) {
        return switch (normalise(s)) {
            case "nam", "male", "m" -> vn.partyledger.api.member.Gender.MALE;
            case "nữ", "female", "f" -> vn.partyledger.api.member.Gender.FEMALE;
            default -> null;
        };
    }

    @FunctionalInterface
    interface Reasons {
        String text(String key, Object... args);
    }
}
