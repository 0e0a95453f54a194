package vn.partyledger.ops.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The actor of the envelope: the authenticated principal and the grant that allowed the action. Never read from a
 * request body.
 */
@Component
public class CurrentActor {

    static final String GRANT_ATTRIBUTE = CurrentActor.class.getName() + ".grant";

    public Map<String, Object> asMetaData() {
        Map<String, Object> actor = new LinkedHashMap<>();
        LedgerPrincipal principal = principal();
        if (principal == null) {
            actor.put("userId", "system");
            return actor;
        }
        actor.put("userId", principal.userId());
        actor.put("username", principal.username());
        Grant grant = usedGrant();
        if (grant != null) {
            actor.put("role", grant.role().name());
            if (grant.organizationId() != null) {
                actor.put("organizationId", grant.organizationId());
            }
        }
        return actor;
    }

    public static LedgerPrincipal principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return null;
        }
        if (auth.getPrincipal() instanceof LedgerPrincipal p) {
            return p;
        }
        if (auth.getPrincipal() instanceof LedgerUserDetails details) {
            return details.principal();
        }
        return null;
    }

    static void rememberGrant(Grant grant) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(GRANT_ATTRIBUTE, grant, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The grant the current request was allowed by (null before an access check). */
    public static Grant usedGrant() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? null : (Grant) attributes.getAttribute(GRANT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }
}
