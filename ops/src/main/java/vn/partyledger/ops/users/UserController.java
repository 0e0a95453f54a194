package vn.partyledger.ops.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partyledger.api.rules.LedgerRefusalException;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.security.Grant;
import vn.partyledger.ops.security.PasswordRules;
import vn.partyledger.ops.security.Role;
import vn.partyledger.ops.security.UserAccounts;
import vn.partyledger.ops.web.Created;
import vn.partyledger.ops.web.UnknownResourceException;

/** Accounts and their grants (a role over an organisation subtree). Operators only. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Accounts, roles and organisation scopes")
class UserController {

    private final UserAccounts accounts;
    private final OrganizationDirectory organizations;

    UserController(UserAccounts accounts, OrganizationDirectory organizations) {
        this.accounts = accounts;
        this.organizations = organizations;
    }

    record GrantDto(@NotNull Role role, String organizationId) {
    }

    record NewUser(@NotBlank @Size(min = 3, max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                   @NotBlank @Size(max = 200) String password, @Size(max = 200) String fullName,
                   List<@Valid GrantDto> grants) {
    }

    record UserView(String id, String username, String fullName, boolean enabled, List<Grant> grants,
                    List<UserAccounts.GrantChange> history) {
    }

    record PasswordChange(@NotBlank @Size(max = 200) String password) {
    }

    @PostMapping
    @Operation(summary = "Create an account with grants (role + organisation scope; no organisation = ledger-wide)")
    ResponseEntity<Created> create(@Valid @RequestBody NewUser r) {
        PasswordRules.problem(r.username(), r.password()).ifPresent(problem -> {
            throw LedgerRefusalException.invalid("password", "the password " + problem);
        });
        List<Grant> grants = r.grants() == null ? List.of() : r.grants().stream().map(this::toGrant).toList();
        try {
            String id = accounts.create(r.username(), r.password(), r.fullName(), grants, actorId());
            return Created.at("/api/v1/users", id);
        } catch (DuplicateKeyException e) {
            throw LedgerRefusalException.conflict("username '" + r.username() + "' is taken");
        }
    }

    @PostMapping("/{id}/grants")
    @Operation(summary = "Grant a role over an organisation subtree")
    ResponseEntity<Created> grant(@PathVariable String id, @Valid @RequestBody GrantDto r) {
        accounts.findById(id).orElseThrow(() -> new UnknownResourceException("no user " + id));
        accounts.grant(id, toGrant(r), actorId());
        return Created.accepted("/api/v1/users", id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account and its grants (never the password)")
    UserView get(@PathVariable String id) {
        UserAccounts.Account a = accounts.findById(id).orElseThrow(() -> new UnknownResourceException("no user " + id));
        return new UserView(a.id(), a.username(), a.fullName(), a.enabled(), a.grants(), accounts.history(id));
    }

    @PostMapping("/{id}/grant-revocations")
    @Operation(summary = "Revoke a grant; effective at the user's next request")
    ResponseEntity<Created> revoke(@PathVariable String id, @Valid @RequestBody GrantDto r) {
        accounts.findById(id).orElseThrow(() -> new UnknownResourceException("no user " + id));
        if (!accounts.revoke(id, new Grant(r.role(), r.organizationId()), actorId())) {
            throw LedgerRefusalException.notFound("role", "the user holds no such grant");
        }
        return Created.accepted("/api/v1/users", id);
    }

    @PostMapping("/{id}/password")
    @Operation(summary = "Set a new password; the old one stops working at once")
    ResponseEntity<Created> changePassword(@PathVariable String id, @Valid @RequestBody PasswordChange r) {
        UserAccounts.Account a = accounts.findById(id).orElseThrow(() -> new UnknownResourceException("no user " + id));
        PasswordRules.problem(a.username(), r.password()).ifPresent(problem -> {
            throw LedgerRefusalException.invalid("password", "the password " + problem);
        });
        accounts.changePassword(id, r.password(), actorId());
        return Created.accepted("/api/v1/users", id);
    }

    private Grant toGrant(GrantDto g) {
        if (g.organizationId() != null && organizations.find(g.organizationId()).isEmpty()) {
            throw LedgerRefusalException.notFound("grants.organizationId", "no organisation " + g.organizationId());
        }
        return new Grant(g.role(), g.organizationId());
    }

    private static String actorId() {
        return CurrentActor.principal() == null ? null : CurrentActor.principal().userId();
    }
}
