package vn.partyledger.ops.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class SummariesTest {

    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z0-9.]+)(?::([A-Za-z]+))?}");
    private static final Map<String, Class<?>> API = new HashMap<>();

    static {
        for (JavaClass c : new ClassFileImporter().importPackages("vn.partyledger.api")) {
            if (!c.isNestedClass()) {
                API.put(c.getSimpleName(), c.reflect());
            }
        }
    }

    private final Summaries summaries = new Summaries(messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(SummariesTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyPlaceholderIsAFieldOfItsEventAndEveryEnumValueItShowsHasALabelInBothLanguages() throws IOException {
        Properties vi = load("/messages_vi.properties");
        Properties en = load("/messages_en.properties");
        int typed = 0;
        for (String bundle : new String[] {"/history/summaries.properties", "/history/summaries_en.properties"}) {
            Properties templates = load(bundle);
            for (String type : templates.stringPropertyNames()) {
                Class<?> event = API.get(type);
                assertThat(event).as("%s in %s is an event of the api module", type, bundle).isNotNull();
                Matcher m = FIELD.matcher(templates.getProperty(type));
                while (m.find()) {
                    String field = m.group(1).split("\\.")[0];
                    RecordComponent component = Arrays.stream(event.getRecordComponents())
                            .filter(c -> c.getName().equals(field)).findFirst().orElse(null);
                    assertThat(component).as("{%s} of %s in %s", m.group(1), type, bundle).isNotNull();
                    String kind = m.group(2);
                    if (kind == null || kind.equals("member") || kind.equals("organization") || kind.equals("subject")) {
                        continue;
                    }
                    assertThat(component.getType().getSimpleName()).as("{%s} of %s", m.group(0), type).isEqualTo(kind);
                    for (Object value : component.getType().getEnumConstants()) {
                        String key = "enum." + kind + "." + ((Enum<?>) value).name();
                        assertThat(vi.getProperty(key)).as(key + " in Vietnamese").isNotBlank();
                        assertThat(en.getProperty(key)).as(key + " in English").isNotBlank();
                    }
                    typed++;
                }
            }
        }
        assertThat(typed).as("enum placeholders checked").isGreaterThan(20);
    }

    @Test
    void namesAndLabelsReplaceIdsAndCodesAndAnUnknownIdIsShownAsItIs() {
        ObjectNode attendance = new ObjectMapper().createObjectNode().put("memberId", "m-1").put("status", "LATE");
        Summaries.Names names = new Summaries.Names(Map.of("m-1", "Lò Văn Xuân"));
        assertThat(summaries.of("AttendanceRecorded", attendance, Locale.forLanguageTag("vi"), names))
                .isEqualTo("Điểm danh đảng viên Lò Văn Xuân: Đến muộn");
        assertThat(summaries.of("AttendanceRecorded", attendance, Locale.ENGLISH, names))
                .isEqualTo("Attendance of member Lò Văn Xuân: Late");
        assertThat(summaries.of("AttendanceRecorded", attendance, Locale.ENGLISH, Summaries.Names.NONE))
                .isEqualTo("Attendance of member m-1: Late");
        assertThat(summaries.references("AttendanceRecorded", attendance)).containsExactly("m-1");
        ObjectNode closed = new ObjectMapper().createObjectNode().put("durationMinutes", 95).put("attended", 3);
        assertThat(summaries.references("MeetingClosed", closed)).as("plain fields only").isEmpty();
        assertThat(summaries.of("NoSuchFact", attendance, Locale.ENGLISH, names)).isEqualTo("NoSuchFact");
    }
}
