package vn.partyledger.ops.dashboard;

import java.util.List;

/**
 * One table of a page, exactly as shown: headers in the page's language and rows of plain values (text, numbers,
 * dates). The page renders it and the XLSX/CSV export writes the same rows, so a printout and a spreadsheet never differ.
 */
record Table(String name, String title, List<String> headers, List<List<Object>> rows) {
}
