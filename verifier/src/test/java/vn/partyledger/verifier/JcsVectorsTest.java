package vn.partyledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical form against RFC 8785's published vectors (its JCS test data and the Appendix B numbers). */
class JcsVectorsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "uni-sort", "unicode", "values"})
    void json_text_canonicalises_to_the_rfc_output(String vector) throws IOException {
        String input = resource(vector + ".input.json");
        byte[] expected = resource(vector + ".output.json").getBytes(StandardCharsets.UTF_8);

        assertThat(Canonical.bytes(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "uni-sort", "unicode", "values"})
    void a_value_read_by_jackson_canonicalises_to_the_same_bytes(String vector) throws IOException {
        byte[] input = resource(vector + ".input.json").getBytes(StandardCharsets.UTF_8);
        byte[] expected = resource(vector + ".output.json").getBytes(StandardCharsets.UTF_8);

        assertThat(Canonical.bytes(Canonical.parse(input))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/jcs/numbers.csv")
    void numbers_take_the_ecmascript_form_of_appendix_b(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

        String canonical = new String(Canonical.bytes("[" + value + "]"), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("[" + expected + "]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"a\":1", "[1,]", "{\"a\":1} x"})
    void malformed_json_is_refused(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Canonical.bytes(text)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arrays", "french", "structures", "uni-sort", "unicode", "values"})
    void an_event_canonicalised_from_its_stored_texts_has_the_bytes_of_its_record(String vector) throws IOException {
        byte[] payload = resource(vector + ".input.json").getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{\"actor\":\"Lò Văn Tú\",\"score\":1.10,\"big\":12345678901234567890,\"tab\":\"a\\tb\\u001f\"}"
                .getBytes(StandardCharsets.UTF_8);
        EventRecord record = new EventRecord(42, "org-1", 7, "ev-1", "agg-1", 3, "Meeting", "x.AttendanceRecorded", null,
                Canonical.parse(metadata), Canonical.parse(payload));

        assertThat(EventRecord.canonicalBytes(42, "org-1", 7, "ev-1", "agg-1", 3, "Meeting", "x.AttendanceRecorded",
                null, metadata, payload)).isEqualTo(record.canonicalBytes());
        assertThat(EventRecord.canonicalBytes(42, "org-1", 7, "ev-1", "agg-1", 3, "Meeting", "x.AttendanceRecorded",
                "2", null, payload)).isEqualTo(new EventRecord(42, "org-1", 7, "ev-1", "agg-1", 3, "Meeting",
                "x.AttendanceRecorded", "2", null, Canonical.parse(payload)).canonicalBytes());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"a\":1", "{\"a\":1} x", "\"\u00e9\""})
    void a_stored_text_that_is_not_one_json_value_in_utf8_is_refused(String text) {
        // the last one is valid JSON written in Latin-1, not UTF-8
        byte[] bytes = text.getBytes(text.contains("\u00e9") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventRecord.canonicalBytes(1, "s", 1, "e", "a", 0, "T",
                "P", null, null, bytes)).isInstanceOf(RuntimeException.class);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JcsVectorsTest.class.getResourceAsStream("/jcs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
