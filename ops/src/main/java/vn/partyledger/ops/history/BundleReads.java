package vn.partyledger.ops.history;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.partyledger.api.oversight.RequestedRecord;
import vn.partyledger.ops.integrity.InspectorRead;

/**
 * An inspector's bundle export is a read of the organisation's record like a history or a dossier: recorded as a fact
 * in that organisation's record (who, when, the date range exported). Published synchronously by the bundle endpoint
 * after its access check, so the grant used is the request's.
 */
@Component
class BundleReads {

    private final InspectorReads reads;

    BundleReads(InspectorReads reads) {
        this.reads = reads;
    }

    @EventListener
    void on(InspectorRead read) {
        if ("bundle".equals(read.what())) {
            reads.record(read.organizationId(), RequestedRecord.BUNDLE, null, read.to(), null);
        }
    }
}
