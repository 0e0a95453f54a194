package vn.partyledger.ops.security;

import java.util.List;

/** The authenticated user as the ledger knows it, whatever the authentication mechanism (Basic or JWT). */
public record LedgerPrincipal(String userId, String username, List<Grant> grants) {
}
