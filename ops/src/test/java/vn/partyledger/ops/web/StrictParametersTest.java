package vn.partyledger.ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StrictParametersTest {

    @Test
    void aQueryIsReadAsFormEncodedUtf8() {
        assertThat(QueryText.refusal(null)).isEmpty();
        assertThat(QueryText.refusal("userId=Nguy%E1%BB%85n+V%C4%83n&&flag&a=")).isEmpty();
        assertThat(QueryText.refusal("note=t%C3%A1b%09and%0Anewline")).as("tab and newline, as in a body").isEmpty();
    }

    @Test
    void aBrokenEscapeOrBytesThatAreNotUtf8AreRefusedNamingTheParameter() {
        assertThat(QueryText.refusal("page=1&userId=%zz")).contains(
                new QueryText.Refusal("userId", "has a broken percent-encoding at character 0"));
        assertThat(QueryText.refusal("userId=ab%2")).get().extracting(QueryText.Refusal::field).isEqualTo("userId");
        assertThat(QueryText.refusal("userId=%\uFF10A")).as("a fullwidth digit is no hex digit").isPresent();
        assertThat(QueryText.refusal("userId=%C3%28")).contains(new QueryText.Refusal("userId", "is not UTF-8 text"));
        assertThat(QueryText.refusal("types=%ED%A0%80")).as("a surrogate encoded on its own")
                .contains(new QueryText.Refusal("types", "is not UTF-8 text"));
    }

    @Test
    void controlCharactersAreRefusedInValuesAndNames() {
        assertThat(QueryText.refusal("userId=a%00b")).contains(
                new QueryText.Refusal("userId", "contains the control character U+0000 at character 1"));
        assertThat(QueryText.refusal("x%00=1")).get().extracting(QueryText.Refusal::field).isEqualTo("query");
        assertThat(QueryText.refusal("a%0A=1")).as("no newline in a name").isPresent();
    }

    @Test
    void datesAreFourDigitYearsOfTheCalendar() {
        assertThat(StrictDates.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(StrictDates.parse("0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
        for (String refused : new String[] {"+999999999-12-31", "-2024-01-01", "10000-01-01", "2023-02-29",
                "0000-01-01", "2024-1-01", "2024-01-01T00:00", "20240101", " 2024-01-01"}) {
            assertThatIllegalArgumentException().as(refused).isThrownBy(() -> StrictDates.parse(refused));
        }
    }

    @Test
    void instantsAreIsoWithAnOffsetInTheYearsOneTo9999() {
        assertThat(StrictParameters.instant("2026-11-28T08:15:16.259863Z"))
                .isEqualTo(Instant.parse("2026-11-28T08:15:16.259863Z"));
        assertThat(StrictParameters.instant("2026-11-28T15:15+07:00")).isEqualTo(Instant.parse("2026-11-28T08:15:00Z"));
        for (String refused : new String[] {"-1", "1732781716000", "+1000000000-12-31T23:59:59Z",
                "-1000000000-01-01T00:00:00Z", "2026-11-28T08:15:16", "2026-11-28", "2026-02-30T00:00:00Z",
                "0001-01-01T00:30:00+01:00", "Sat, 28 Nov 2026 08:15:16 GMT"}) {
            assertThatIllegalArgumentException().as(refused).isThrownBy(() -> StrictParameters.instant(refused));
        }
    }
}
