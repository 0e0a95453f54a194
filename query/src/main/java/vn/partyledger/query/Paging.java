package vn.partyledger.query;

import java.util.List;

/**
 * Pages of a list a query handler holds whole because its totals need every row (the attendance risk's flag count,
 * the coverage's subtree sums), and the check every paged query makes of the page it is asked for.
 */
public final class Paging {

    private Paging() {
    }

    /** Refuses a page below 0 or a size below 1: the API checks both, so either is a caller's bug. */
    public static void check(int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be >= 0 and size >= 1, got page " + page + " and size " + size);
        }
    }

    /** Elements {@code page * size} up to {@code size} more of {@code all}, none past its end; checked first. */
    public static <T> List<T> page(List<T> all, int page, int size) {
        check(page, size);
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return List.copyOf(all.subList(from, to));
    }
}
