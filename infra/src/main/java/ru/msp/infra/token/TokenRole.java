package ru.msp.infra.token;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the platform's {@code roles} claim (DESIGN.md, "Tenancy and security") and the scope claims a token of
 * each role must carry to mean anything: a municipal operator without a municipality would be scoped to nothing.
 *
 * <p>The platform's own list is {@code ru.msp.support.tenancy.Role} in platform-support; infra does not depend on it,
 * so the names are repeated here (and pinned by {@code TokenRequestTest}).
 */
public enum TokenRole {
    ADMIN(),
    REGIONAL_OPERATOR(TokenRequest.REGION),
    MUNICIPAL_OPERATOR(TokenRequest.REGION, TokenRequest.MUNICIPALITY),
    METHODIST(TokenRequest.REGION, TokenRequest.MUNICIPALITY),
    SCHOOL_SYSTEM(TokenRequest.REGION, TokenRequest.MUNICIPALITY, TokenRequest.ORGANIZATION),
    TEACHER(TokenRequest.REGION, TokenRequest.MUNICIPALITY, TokenRequest.TEACHER);

    private final List<String> requiredClaims;

    TokenRole(String... requiredClaims) {
        this.requiredClaims = List.of(requiredClaims);
    }

    /** The scope claims (= CLI options) a token with this role needs, e.g. {@code [region, municipality]}. */
    public List<String> requiredClaims() {
        return requiredClaims;
    }

    /** Case-insensitive look-up; {@code municipal-operator} is accepted too. */
    public static Optional<TokenRole> find(String name) {
        String normalized = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(normalized)).findFirst();
    }
}
