package vn.partyledger.ops.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * What every page controller shares: errors as pages (not the API's problem documents, which a browser would show as
 * raw JSON) and the spreadsheet export of any of its tables.
 */
abstract class Pages {

    static final String PAGE_FORMAT_XLSX = "xlsx";
    static final String PAGE_FORMAT_CSV = "csv";

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(AccessDeniedException e, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("detail", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler(UnknownResourceException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(UnknownResourceException e, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("detail", e.getMessage());
        return "error-page";
    }

    static ResponseEntity<byte[]> export(Table table, String format, String fileStem) {
        String stem = fileStem + "-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        boolean csv = PAGE_FORMAT_CSV.equals(format);
        byte[] body = csv ? Spreadsheets.csv(table) : Spreadsheets.xlsx(table);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(stem + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header("Content-Type", csv ? Spreadsheets.CSV : Spreadsheets.XLSX)
                .header("Content-Disposition", disposition.toString())
                .body(body);
    }

    /**
     * A number typed into a page's address ({@code page}, {@code size}): blank gives the default; one that is not a
     * whole number from {@code min} to {@code max} is named in {@code errors} and the default is read instead (a page,
     * not a 400: the reader sees what was wrong beside what the page shows).
     */
    static int number(String text, String field, int min, int max, int otherwise, Map<String, String> errors,
                      Labels labels) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below, as a number out of range is
        }
        errors.put(field, labels.of("form.badNumber"));
        return otherwise;
    }

    static boolean exporting(String format) {
        return PAGE_FORMAT_XLSX.equals(format) || PAGE_FORMAT_CSV.equals(format);
    }
}
