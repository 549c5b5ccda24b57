package ru.msp.infra.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalTokensTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return LocalTokens.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysCommandIsIdempotent() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(run("keys", "--dir", keys.toString())).isZero();
        assertThat(stdout()).contains("created a new RSA 2048 signing key pair in " + keys);
        String privatePem = Files.readString(keys.resolve("jwt-signing.pem"));

        assertThat(run("keys", "--dir", keys.toString())).isZero();
        assertThat(stdout()).contains("using the existing signing key pair in " + keys);
        assertThat(Files.readString(keys.resolve("jwt-signing.pem"))).isEqualTo(privatePem);
    }

    @Test
    void anIssuedTokenVerifiesWithThePublicKeyAndCarriesTheClaims() throws Exception {
        assertThat(run("keys", "--dir", dir.toString())).isZero();
        Instant before = Instant.now().minusSeconds(1);

        int code = run(
                "issue",
                "--dir",
                dir.toString(),
                "--role",
                "SCHOOL_SYSTEM",
                "--region",
                "r-66",
                "--municipality",
                "m-ekb",
                "--organization",
                "o-1",
                "--client",
                "school-42",
                "--ttl",
                "30m");

        assertThat(code).as(stderr()).isZero();
        assertThat(stderr()).isEmpty();
        String token = stdout().strip();
        assertThat(stdout()).as("only the token and a newline").isEqualTo(token + System.lineSeparator());

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        RSAPublicKey publicKey = LocalSigningKey.readPublicKey(dir.resolve("jwt-signing.pub.pem"));
        assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("msp-local");
        assertThat(claims.getSubject()).isEqualTo("local-school_system");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SCHOOL_SYSTEM");
        assertThat(claims.getStringClaim("region")).isEqualTo("r-66");
        assertThat(claims.getStringClaim("municipality")).isEqualTo("m-ekb");
        assertThat(claims.getStringClaim("organization")).isEqualTo("o-1");
        assertThat(claims.getClaim("teacher")).isNull();
        assertThat(claims.getStringClaim("azp")).isEqualTo("school-42");
        assertThat(claims.getJWTID()).isNotBlank();
        Instant issuedAt = claims.getIssueTime().toInstant();
        assertThat(issuedAt).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(Duration.between(issuedAt, claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
    }

    /** What the services do with {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. */
    @Test
    void theServicesDecoderAcceptsTheTokenWithThePublicKeyFile() throws Exception {
        assertThat(run(
                        "issue",
                        "--dir",
                        dir.toString(),
                        "--role",
                        "teacher",
                        "--region",
                        "r",
                        "--municipality",
                        "m",
                        "--teacher",
                        "t-7",
                        "--subject",
                        "ivanova"))
                .isZero();
        assertThat(stderr()).as("keys were missing, so issue made them").contains("created a new signing key pair");
        RSAPublicKey key;
        try (InputStream pem = Files.newInputStream(dir.resolve("jwt-signing.pub.pem"))) {
            key = RsaKeyConverters.x509().convert(pem);
        }

        Jwt jwt = NimbusJwtDecoder.withPublicKey(key).build().decode(stdout().strip());

        assertThat(jwt.getSubject()).isEqualTo("ivanova");
        assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(List.of("TEACHER"));
        assertThat(jwt.getClaimAsString("teacher")).isEqualTo("t-7");
    }

    @Test
    void aTokenSignedWithAnotherKeyDoesNotVerify() throws Exception {
        Path other = dir.resolve("other");
        assertThat(run("issue", "--dir", other.toString(), "--role", "ADMIN")).isZero();
        String token = stdout().strip();
        LocalSigningKey.ensure(dir);

        RSAPublicKey ours = LocalSigningKey.readPublicKey(dir.resolve("jwt-signing.pub.pem"));
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(ours))).isFalse();
    }

    @Test
    void severalRoles() throws Exception {
        assertThat(run(
                        "issue",
                        "--dir",
                        dir.toString(),
                        "--role",
                        "METHODIST",
                        "--role",
                        "TEACHER",
                        "--region",
                        "r",
                        "--municipality",
                        "m",
                        "--teacher",
                        "t"))
                .isZero();
        JWTClaimsSet claims = SignedJWT.parse(stdout().strip()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("METHODIST", "TEACHER");
        assertThat(claims.getSubject()).isEqualTo("local-methodist");
    }

    @Test
    void anUnknownRoleExitsWith2AndNamesTheRoles() {
        assertThat(run("issue", "--dir", dir.toString(), "--role", "ROOT")).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr())
                .contains("token: unknown role 'ROOT'; the roles are [ADMIN, REGIONAL_OPERATOR, MUNICIPAL_OPERATOR,"
                        + " METHODIST, SCHOOL_SYSTEM, TEACHER]");
        assertThat(dir.resolve("jwt-signing.pem"))
                .as("refused input creates no key")
                .doesNotExist();
    }

    @Test
    void aMissingScopeClaimExitsWith2() {
        assertThat(run("issue", "--dir", dir.toString(), "--role", "REGIONAL_OPERATOR"))
                .isEqualTo(2);
        assertThat(stderr()).contains("token: role REGIONAL_OPERATOR needs --region; missing --region");

        assertThat(run("issue", "--dir", dir.toString(), "--role", "MUNICIPAL_OPERATOR", "--region", "r"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("token: role MUNICIPAL_OPERATOR needs --region --municipality; missing --municipality");

        assertThat(run("issue", "--dir", dir.toString(), "--role", "TEACHER", "--region", "r", "--municipality", "m"))
                .isEqualTo(2);
        assertThat(stderr()).contains("missing --teacher");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void otherBadInputExitsWith2() {
        assertThat(run("issue", "--dir", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--role is required");

        assertThat(run("issue", "--dir", dir.toString(), "--role", "ADMIN", "--ttl", "forever"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--ttl must be a number and a unit");

        assertThat(run("issue", "--dir", dir.toString(), "--role", "ADMIN", "--scope", "x"))
                .isEqualTo(2);
        assertThat(stderr()).contains("unknown option --scope");

        assertThat(run("issue", "--dir", dir.toString(), "--role", "ADMIN", "--region", "a", "--region", "b"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--region may be given once");

        assertThat(run("issue", "--role", "ADMIN")).isEqualTo(2);
        assertThat(stderr()).contains("--dir is required");

        assertThat(run("issue", "--dir", dir.toString(), "--role")).isEqualTo(2);
        assertThat(stderr()).contains("--role needs a value");

        assertThat(run("mint")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'mint'");

        assertThat(run()).isEqualTo(2);
        assertThat(run("help")).isZero();
        assertThat(stdout()).contains("usage: LocalTokens keys");
    }

    @Test
    void aBrokenKeyDirectoryExitsWith1() throws Exception {
        LocalSigningKey.ensure(dir);
        Files.delete(dir.resolve("jwt-signing.pem"));

        assertThat(run("issue", "--dir", dir.toString(), "--role", "ADMIN")).isEqualTo(1);
        assertThat(stderr()).contains("exists but its private key");
        assertThat(stdout()).isEmpty();
    }
}
