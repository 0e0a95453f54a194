package vn.partyledger.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.partyledger.ops.security.AccessRule;
import vn.partyledger.ops.security.AccessTable;

/** The access table and the application's own endpoint list agree: no endpoint without a line, no line without one. */
class AccessTableTest extends LedgerTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    record Endpoint(String method, String pattern) {
    }

    static List<Endpoint> endpoints(RequestMappingHandlerMapping mapping) {
        List<Endpoint> all = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    all.add(new Endpoint("*", pattern));
                }
                methods.forEach(m -> all.add(new Endpoint(m.name(), pattern)));
            }
        }
        return all;
    }

    @Test
    void everyMappedEndpointHasALineInTheAccessTable() {
        List<Endpoint> endpoints = endpoints(mapping);
        assertThat(endpoints).hasSizeGreaterThan(60);
        assertThat(endpoints.stream().filter(e -> AccessTable.find(e.method(), e.pattern()).isEmpty()).toList())
                .as("endpoints without an access rule (add a line to AccessTable.RULES)").isEmpty();
    }

    @Test
    void everyLineOfTheAccessTableNamesAMappedEndpoint() {
        List<Endpoint> endpoints = endpoints(mapping);
        List<AccessRule> stale = AccessTable.RULES.stream()
                .filter(r -> !endpoints.contains(new Endpoint(r.method(), r.pattern())))
                .toList();
        assertThat(stale).as("access rules for endpoints that do not exist").isEmpty();
    }
}
