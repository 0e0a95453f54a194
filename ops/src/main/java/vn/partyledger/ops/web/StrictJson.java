package vn.partyledger.ops.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The one JSON configuration for request bodies. What the ledger acknowledges stays forever, so anything a lenient
 * reader would guess at is refused instead: trailing tokens, duplicate keys, unknown fields (a typo would silently drop
 * data), numbers for enums, booleans or text, floats for integers, nulls inside lists, deep nesting, huge numbers.
 * Bodies must be {@code application/json} in well-formed UTF-8 and at most {@code ledger.input.max-body-bytes}.
 * Events are stored by Axon's own ObjectMapper (see SerializerConfiguration), which this does not touch.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    static final int MAX_NESTING = 32;
    static final int MAX_NUMBER_DIGITS = 20;

    /** Replaces Spring Boot's default converter (it backs off when one is declared): reading and writing share it. */
    @Bean
    MappingJackson2HttpMessageConverter strictJsonConverter(Jackson2ObjectMapperBuilder builder, Clock clock,
            @Value("${ledger.input.max-body-bytes:1048576}") int maxBodyBytes) {
        return new Converter(strictMapper(builder, clock), maxBodyBytes);
    }

    static ObjectMapper strictMapper(Jackson2ObjectMapperBuilder builder, Clock clock) {
        JsonFactory factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_DIGITS)
                        .maxStringLength(StrictText.MAX_LENGTH * 8)
                        .build())
                .build();
        SimpleModule strict = new SimpleModule("ledger-strict-input")
                .addDeserializer(String.class, new StrictText())
                .addDeserializer(LocalDate.class, new StrictDates(clock));
        ObjectMapper mapper = builder.factory(factory)
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
                        DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .modulesToInstall(strict)
                .build();
        // a null inside a list ("introducers":[null]) is refused with its path instead of reaching a command
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        for (LogicalType type : LogicalType.values()) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        }
        // each type reads its own shape again: integers from integers, floats from numbers, enums and text from strings
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Collection).setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Array).setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.POJO).setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Map).setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert);
        return mapper;
    }

    static final class Converter extends MappingJackson2HttpMessageConverter {
        private final int maxBodyBytes;

        Converter(ObjectMapper mapper, int maxBodyBytes) {
            super(mapper);
            this.maxBodyBytes = maxBodyBytes;
        }

        /** Only {@code application/json} (UTF-8, the default): {@code application/evil+json} or Latin-1 is a 415. */
        @Override
        protected boolean canRead(MediaType mediaType) {
            return isJson(mediaType);
        }

        static boolean isJson(String contentType) {
            try {
                return contentType != null && isJson(MediaType.parseMediaType(contentType));
            } catch (RuntimeException unreadableType) {
                return false;
            }
        }

        static boolean isJson(MediaType mediaType) {
            return mediaType != null && "application".equals(mediaType.getType()) && "json".equals(mediaType.getSubtype())
                    && (mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset()));
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            byte[] body = readLimited(input.getBody(), maxBodyBytes);
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            } catch (CharacterCodingException e) {
                throw new HttpMessageNotReadableException("the body is not well-formed UTF-8", input);
            }
            return super.read(type, contextClass, new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public org.springframework.http.HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            });
        }
    }

    static byte[] readLimited(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new BodyTooLargeException(max);
        }
        return bytes;
    }

    /** 413: the body exceeds {@code ledger.input.max-body-bytes}. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(int max) {
            super("the body is larger than " + max + " bytes");
        }
    }
}
