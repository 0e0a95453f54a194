package vn.partyledger.api.rating;

/** A score on the 100-point frame of QĐ 366/2025: general criteria plus task results. */
public record Score(int general, int tasks) {
    public int total() {
        return general + tasks;
    }
}
