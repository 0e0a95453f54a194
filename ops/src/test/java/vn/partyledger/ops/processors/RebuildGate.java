package vn.partyledger.ops.processors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.partyledger.api.organization.OrganizationEstablished;
import vn.partyledger.query.meeting.MeetingRegisterProjection;

/**
 * Holds a rebuild of the meeting register back while a test looks at the live answers: in the meeting-register group,
 * it blocks the green processor's threads (and only those) while the gate is closed. The live processor passes.
 */
@Component
@ProcessingGroup(MeetingRegisterProjection.NAME)
class RebuildGate {

    private static final Object LOCK = new Object();
    private static boolean closed;

    static void close() {
        synchronized (LOCK) {
            closed = true;
        }
    }

    static void open() {
        synchronized (LOCK) {
            closed = false;
            LOCK.notifyAll();
        }
    }

    @EventHandler
    void on(OrganizationEstablished e) throws InterruptedException {
        if (!Thread.currentThread().getName().startsWith("rebuild-")) {
            return;
        }
        synchronized (LOCK) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (closed && System.currentTimeMillis() < deadline) {
                LOCK.wait(100);
            }
        }
    }
}
