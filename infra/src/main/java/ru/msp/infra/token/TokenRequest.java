package ru.msp.infra.token;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one local token says: roles, scope claims, subject, client, lifetime. Built only through {@link #of}, which
 * refuses what the platform could not use (an unknown role, a role without the scope claims it needs, a bad TTL).
 *
 * @param scope claim name ({@link #REGION}, {@link #MUNICIPALITY}, {@link #ORGANIZATION}, {@link #TEACHER}) to value;
 *     only the claims given
 * @param client the OAuth2 client id, emitted as {@code azp}; null for none
 */
public record TokenRequest(
        List<TokenRole> roles, Map<String, String> scope, String subject, String client, Duration ttl) {

    /** The issuer of local tokens ({@code iss}). */
    public static final String ISSUER = "msp-local";

    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String MUNICIPALITY = "municipality";
    public static final String ORGANIZATION = "organization";
    public static final String TEACHER = "teacher";
    public static final String CLIENT = "azp";

    /** The scope claims in the order they are checked and emitted. */
    public static final List<String> SCOPE_CLAIMS = List.of(REGION, MUNICIPALITY, ORGANIZATION, TEACHER);

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration MAX_TTL = Duration.ofDays(366);

    private static final Pattern TTL = Pattern.compile("(\\d{1,9})([smhd])");

    public TokenRequest {
        roles = List.copyOf(roles);
        scope = Map.copyOf(scope);
    }

    /**
     * Validates and builds a request.
     *
     * @param roleNames one or more role names (case-insensitive; {@code A,B} counts as two)
     * @param scope scope claim to value; null or blank values count as absent
     * @param subject {@code sub}; null: {@code local-<first role in lower case>}
     * @param client {@code azp}; null: none
     * @param ttl {@code 30m}, {@code 1h}, {@code 7d} ...; null: one hour
     * @throws InvalidTokenRequestException with a message meant for the person at the terminal
     */
    public static TokenRequest of(
            List<String> roleNames, Map<String, String> scope, String subject, String client, String ttl) {
        Set<TokenRole> roles = new LinkedHashSet<>();
        for (String given : roleNames == null ? List.<String>of() : roleNames) {
            for (String name : given.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                roles.add(TokenRole.find(name)
                        .orElseThrow(() -> new InvalidTokenRequestException(
                                "unknown role '" + name.trim() + "'; the roles are " + List.of(TokenRole.values()))));
            }
        }
        if (roles.isEmpty()) {
            throw new InvalidTokenRequestException("--role is required (one of " + List.of(TokenRole.values()) + ")");
        }
        Map<String, String> claims = new LinkedHashMap<>();
        for (String claim : SCOPE_CLAIMS) {
            String value = scope == null ? null : scope.get(claim);
            if (value != null && !value.isBlank()) {
                claims.put(claim, value.trim());
            }
        }
        if (scope != null) {
            for (String claim : scope.keySet()) {
                if (!SCOPE_CLAIMS.contains(claim)) {
                    throw new InvalidTokenRequestException("unknown scope claim '" + claim + "'");
                }
            }
        }
        for (TokenRole role : roles) {
            List<String> missing = new ArrayList<>();
            for (String claim : role.requiredClaims()) {
                if (!claims.containsKey(claim)) {
                    missing.add("--" + claim);
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidTokenRequestException("role " + role + " needs "
                        + String.join(" ", requiredOptions(role)) + "; missing " + String.join(", ", missing));
            }
        }
        String sub = blankToNull(subject);
        if (sub == null) {
            sub = "local-" + roles.iterator().next().name().toLowerCase(Locale.ROOT);
        }
        return new TokenRequest(
                List.copyOf(roles), claims, sub, blankToNull(client), ttl == null ? DEFAULT_TTL : parseTtl(ttl));
    }

    /**
     * {@code <n>s|m|h|d}: {@code 90s}, {@code 30m}, {@code 1h}, {@code 7d}; more than zero and at most {@link #MAX_TTL}.
     *
     * @throws InvalidTokenRequestException otherwise
     */
    public static Duration parseTtl(String text) {
        Matcher m = TTL.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidTokenRequestException(
                    "--ttl must be a number and a unit s, m, h or d (e.g. 30m, 1h, 7d), not '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new InvalidTokenRequestException("--ttl must be more than 0 and at most 366d, not '" + text + "'");
        }
        return ttl;
    }

    /** The claims of a token issued at {@code now}: iss, sub, iat, exp, jti, roles, the scope claims, azp. */
    public JWTClaimsSet claims(Instant now) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(ROLES, roles.stream().map(Enum::name).toList());
        for (String claim : SCOPE_CLAIMS) {
            if (scope.containsKey(claim)) {
                set.claim(claim, scope.get(claim));
            }
        }
        if (client != null) {
            set.claim(CLIENT, client);
        }
        return set.build();
    }

    private static List<String> requiredOptions(TokenRole role) {
        return role.requiredClaims().stream().map(c -> "--" + c).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
