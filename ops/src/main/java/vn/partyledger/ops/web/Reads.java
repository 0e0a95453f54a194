package vn.partyledger.ops.web;

import org.springframework.http.ResponseEntity;
import vn.partyledger.api.provenance.Provenance;

/** Read answers carry their provenance: the position of the last event reflected and the read model that built it. */
public final class Reads {

    public static final String POSITION = "Ledger-Position";
    public static final String PROJECTION = "Ledger-Projection";
    public static final String UPDATED_AT = "Ledger-Updated-At";

    private Reads() {
    }

    public static <T> ResponseEntity<T> ok(T body, Provenance provenance) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (provenance != null) {
            builder.header(POSITION, Long.toString(provenance.position()))
                    .header(PROJECTION, provenance.projection() + ";version=" + provenance.version());
            if (provenance.updatedAt() != null) {
                builder.header(UPDATED_AT, provenance.updatedAt().toString());
            }
        }
        return builder.body(body);
    }
}
