package vn.partyledger.ops.web;

import org.springframework.http.ResponseEntity;
import vn.partyledger.api.provenance.Provenance;

/** Read answers carry their provenance: the position of the last event reflected and the read model that built it. */
public final class Reads {

    public static final String POSITION = "Ledger-Position";
    public static final String PROJECTION = "Ledger-Projection";
    public static final String UPDATED_AT = "Ledger-Updated-At";
    /** The business date the answer is true on (absent: today's state). */
    public static final String AS_OF = "Ledger-As-Of";
    /** The instant up to which recorded facts were taken (absent: everything recorded so far). */
    public static final String KNOWN_AT = "Ledger-Known-At";

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
            if (provenance.asOf() != null) {
                builder.header(AS_OF, provenance.asOf().toString());
            }
            if (provenance.knownAt() != null) {
                builder.header(KNOWN_AT, provenance.knownAt().toString());
            }
        }
        return builder.body(body);
    }
}
