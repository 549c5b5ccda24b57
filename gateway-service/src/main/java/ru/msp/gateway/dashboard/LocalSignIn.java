package ru.msp.gateway.dashboard;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;

/**
 * The local platform's sign-in for the dashboard: a token for the role and scope picked in the browser, signed with
 * the same local key as {@code ./platform token} (the services trust its public half). Local only: anyone who can
 * open the local dashboard can also run {@code ./platform token}.
 */
final class LocalSignIn {

    static final String ISSUER = "msp-local";
    static final Duration LIFETIME = Duration.ofHours(8);

    /** The scope claims each role needs, as the services read them (DESIGN.md, "Tenancy and security"). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "ADMIN", List.of(),
            "REGIONAL_OPERATOR", List.of("region"),
            "MUNICIPAL_OPERATOR", List.of("region", "municipality"),
            "METHODIST", List.of("region", "municipality"),
            "SCHOOL_SYSTEM", List.of("region", "municipality", "organization"),
            "TEACHER", List.of("region", "municipality", "teacher"));

    private static final List<String> SCOPE_CLAIMS = List.of("region", "municipality", "organization", "teacher");

    /** The body of {@code POST /dashboard/local-token}. */
    record Request(String role, String region, String municipality, String organization, String teacher) {
        Map<String, String> scope() {
            Map<String, String> scope = new LinkedHashMap<>();
            put(scope, "region", region);
            put(scope, "municipality", municipality);
            put(scope, "organization", organization);
            put(scope, "teacher", teacher);
            return scope;
        }

        private static void put(Map<String, String> scope, String claim, String value) {
            if (value != null && !value.isBlank()) {
                scope.put(claim, value.strip());
            }
        }
    }

    record Issued(String token, Instant expiresAt, String role, Map<String, String> scope) {}

    private final PrivateKey key;

    LocalSignIn(Path privateKeyFile) {
        this.key = read(privateKeyFile);
    }

    Issued issue(Request request, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> required = request.role() == null ? null : REQUIRED.get(request.role());
        if (required == null) {
            problems.add(new FieldProblem(
                    "role",
                    "must be one of "
                            + String.join(
                                    ", ", REQUIRED.keySet().stream().sorted().toList()),
                    request.role()));
        } else {
            for (String claim : required) {
                if (!request.scope().containsKey(claim)) {
                    problems.add(new FieldProblem(claim, "is required for the role " + request.role(), null));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw RequestRejectedException.invalid(problems);
        }
        Instant expiresAt = now.plus(LIFETIME);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("dashboard-" + request.role().toLowerCase())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(request.role()));
        Map<String, String> scope = new LinkedHashMap<>();
        for (String claim : SCOPE_CLAIMS) {
            // only the claims the role needs: an operator signed in for a region is not also scoped to a school
            if (required.contains(claim)) {
                scope.put(claim, request.scope().get(claim));
                claims.claim(claim, request.scope().get(claim));
            }
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return new Issued(jwt.serialize(), expiresAt, request.role(), scope);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the token: " + e.getMessage(), e);
        }
    }

    private static PrivateKey read(Path file) {
        try {
            String pem = Files.readString(file)
                    .replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a PKCS#8 PEM RSA private key: " + file, e);
        }
    }
}
