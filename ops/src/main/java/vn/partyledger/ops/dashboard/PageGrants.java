package vn.partyledger.ops.dashboard;

import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.security.Grant;
import vn.partyledger.ops.security.LedgerPrincipal;
import vn.partyledger.ops.security.Permission;

/**
 * What the account's grants allow somewhere, so pages offer only the links that can open (an inspector is not shown
 * the correction form, a secretary not the verification). The access table still decides every request.
 */
@ControllerAdvice(basePackageClasses = Pages.class)
class PageGrants {

    @ModelAttribute("may")
    Map<String, Boolean> may() {
        LedgerPrincipal principal = CurrentActor.principal();
        if (principal == null) {
            return Map.of("inspect", false, "shape", false, "shapeTop", false, "record", false);
        }
        return Map.of("inspect", any(principal, Permission.INSPECT), "shape", any(principal, Permission.SHAPE_TREE),
                "shapeTop", principal.grants().stream().anyMatch(g -> g.global() && Permission.SHAPE_TREE.allows(g)),
                "record", any(principal, Permission.RECORD_FACTS));
    }

    private static boolean any(LedgerPrincipal principal, Permission permission) {
        return principal.grants().stream().anyMatch((Grant g) -> permission.allows(g));
    }
}
