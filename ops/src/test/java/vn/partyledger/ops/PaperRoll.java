package vn.partyledger.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A commune's paper roll as the secretaries type it into a spreadsheet: Vietnamese headers, day/month/year dates. */
final class PaperRoll {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final List<String> HEADERS = List.of("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ngày vào Đảng",
            "Ngày chính thức", "Chi bộ");

    private PaperRoll() {
    }

    /** Writes the headers and then each row, its cells in the order of {@link #HEADERS}, as text. */
    static void write(Path file, List<List<String>> rows) throws IOException {
        try (Workbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Danh sách");
            add(sheet, 0, HEADERS);
            for (int r = 0; r < rows.size(); r++) {
                add(sheet, r + 1, rows.get(r));
            }
            book.write(out);
        }
    }

    private static void add(Sheet sheet, int r, List<String> values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
