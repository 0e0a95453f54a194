package vn.partyledger.ops.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One Jackson serializer for events, messages, tokens and snapshots, with its own ObjectMapper: the stored format must
 * not change when someone tunes the web layer's JSON settings. See docs/decisions/0001-serializer.md.
 */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    /** Stored payloads are read for decades: dates as ISO strings, unknown fields tolerated for forward compatibility. */
    static ObjectMapper ledgerObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Primary and unqualified: Axon's auto-configuration then uses it as general, message and event serializer. */
    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(ledgerObjectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }
}
