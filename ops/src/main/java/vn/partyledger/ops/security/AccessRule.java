package vn.partyledger.ops.security;

import java.util.List;

/** One line of the {@link AccessTable}: {@code method} {@code "*"} matches every method. */
public record AccessRule(String method, String pattern, Permission permission, List<Scope> scopes) {

    public static AccessRule get(String pattern, Permission permission, Scope... scopes) {
        return new AccessRule("GET", pattern, permission, List.of(scopes));
    }

    public static AccessRule post(String pattern, Permission permission, Scope... scopes) {
        return new AccessRule("POST", pattern, permission, List.of(scopes));
    }

    public static AccessRule put(String pattern, Permission permission, Scope... scopes) {
        return new AccessRule("PUT", pattern, permission, List.of(scopes));
    }

    public static AccessRule anyMethod(String pattern, Permission permission, Scope... scopes) {
        return new AccessRule("*", pattern, permission, List.of(scopes));
    }
}
