package vn.partyledger.api.rules.regime;

import java.time.LocalDate;
import vn.partyledger.api.rules.Effective;

/**
 * The texts whose dates change which rules apply (domain.md §0), written once for the command and the query side.
 * Rules cite these and key their versions on {@link Text#inForceFrom()}; a fact before a chain's first text has no
 * rule in force.
 */
public final class Regimes {

    /** Điều lệ Đảng adopted by the XI Congress. */
    public static final Text CHARTER_2011 = new Text("Điều lệ Đảng 2011", "Đại hội XI", "19/1/2011",
            LocalDate.of(2011, 1, 19));

    // Implementation of the Charter: QĐ 29-QĐ/TW (2016) → QĐ 24-QĐ/TW (30/7/2021) with HD 01-HD/TW (28/9/2021).
    public static final Text QD_29_2016 = new Text("QĐ 29-QĐ/TW", "Ban Chấp hành Trung ương", "25/7/2016",
            LocalDate.of(2016, 7, 25));
    public static final Text QD_24_2021 = new Text("QĐ 24-QĐ/TW", "Ban Chấp hành Trung ương", "30/7/2021",
            LocalDate.of(2021, 7, 30));
    public static final Text HD_01_2021 = new Text("HD 01-HD/TW", "Ban Bí thư", "28/9/2021",
            LocalDate.of(2021, 9, 28));

    // Cell meetings: HD 12-HD/BTCTW (2018) → CT 50-CT/TW (23/7/2025) + HD 42-HD/BTCTW (28/10/2025).
    /** The exact issue date of HD 12 was not available; the year start is used. */
    public static final Text HD_12_2018 = new Text("HD 12-HD/BTCTW", "Ban Tổ chức Trung ương", "2018",
            LocalDate.of(2018, 1, 1));
    public static final Text CT_50_2025 = new Text("CT 50-CT/TW", "Ban Bí thư", "23/7/2025",
            LocalDate.of(2025, 7, 23));
    /** Implements CT 50-CT/TW; the meeting rules it changes apply from its own date. */
    public static final Text HD_42_2025 = new Text("HD 42-HD/BTCTW", "Ban Tổ chức Trung ương", "28/10/2025",
            LocalDate.of(2025, 10, 28));
    /** Conclusion on raising the quality of cell meetings, under which the "four clears" of tasks are practised. */
    public static final Text KL_18_2017 = new Text("KL 18-KL/TW", "Ban Bí thư", "22/9/2017",
            LocalDate.of(2017, 9, 22));

    /** Two-tier local government: district party organisations ended on 01/07/2025. */
    public static final Text NQ_60_2025 = new Text("NQ 60-NQ/TW", "Ban Chấp hành Trung ương", "12/4/2025",
            LocalDate.of(2025, 7, 1));

    /** Exemption from party work for elderly members; its day was not available, the year start is used. */
    public static final Text HD_27_2009 = new Text("HD 27-HD/BTCTW", "Ban Tổ chức Trung ương", "2009",
            LocalDate.of(2009, 1, 1));

    // Quality ratings: HD 27 (2014) → QĐ 132 (8/3/2018) + HD 16 (24/9/2018) + HD 21 (18/10/2019) → QĐ 124
    // (4/10/2023) + HD 25 (2023) → QĐ 366 (30/8/2025, 100-point scale) + HD 43 (31/10/2025). Rating rule sets key
    // these by rating year; the texts whose day is known are here so both sides cite the same ones.
    public static final Text QD_132_2018 = new Text("QĐ 132-QĐ/TW", "Bộ Chính trị", "8/3/2018",
            LocalDate.of(2018, 3, 8));
    public static final Text HD_16_2018 = new Text("HD 16-HD/BTCTW", "Ban Tổ chức Trung ương", "24/9/2018",
            LocalDate.of(2018, 9, 24));
    public static final Text HD_21_2019 = new Text("HD 21-HD/BTCTW", "Ban Tổ chức Trung ương", "18/10/2019",
            LocalDate.of(2019, 10, 18));
    public static final Text QD_124_2023 = new Text("QĐ 124-QĐ/TW", "Bộ Chính trị", "4/10/2023",
            LocalDate.of(2023, 10, 4));
    public static final Text QD_366_2025 = new Text("QĐ 366-QĐ/TW", "Bộ Chính trị", "30/8/2025",
            LocalDate.of(2025, 8, 30));
    public static final Text HD_43_2025 = new Text("HD 43-HD/BTCTW", "Ban Tổ chức Trung ương", "31/10/2025",
            LocalDate.of(2025, 10, 31));

    /** The regulation implementing the Charter in force on a date (QĐ 29 → QĐ 24); none before QĐ 29. */
    public static final Effective<Text> CHARTER_IMPLEMENTATION = Effective.from(QD_29_2016.inForceFrom(), QD_29_2016)
            .then(QD_24_2021.inForceFrom(), QD_24_2021);

    private Regimes() {
    }
}
