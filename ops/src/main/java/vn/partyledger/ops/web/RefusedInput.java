package vn.partyledger.ops.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value the ledger refuses to read (control characters, a lone surrogate, a date out of range, a number where
 * text belongs). Jackson adds the JSON path on the way out, so the problem document names the field.
 */
final class RefusedInput extends JsonMappingException {

    RefusedInput(JsonParser parser, String message) {
        super(parser, message);
    }
}
