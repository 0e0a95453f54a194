package vn.partyledger.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import vn.partyledger.api.organization.OrganizationEstablished;

/** A read model with a bug, for the dead-letter test: it fails on organisations whose name contains "FAIL". */
@Component
@ProcessingGroup(FailingProjection.GROUP)
class FailingProjection {

    static final String GROUP = "test-failing-projection";
    static volatile boolean broken = true;
    static final Set<String> seen = ConcurrentHashMap.newKeySet();

    @EventHandler
    void on(OrganizationEstablished e) {
        if (broken && e.name().contains("FAIL")) {
            throw new IllegalStateException("simulated projection bug");
        }
        seen.add(e.organizationId());
    }
}
