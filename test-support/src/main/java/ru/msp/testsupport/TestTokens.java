package ru.msp.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bearer tokens for tests, signed with an RSA key made once per test JVM. Services under test validate them with
 * the public key, set as {@code spring.security.oauth2.resourceserver.jwt.public-key-location} by
 * {@link #install()} (which {@link WithPlatformInfrastructure} calls).
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final KeyPair KEYS = generate();
    private static final KeyPair FORGER = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private TestTokens() {}

    /** Points Spring Boot at the test public key (idempotent). */
    public static void install() {
        System.setProperty(PUBLIC_KEY_PROPERTY, publicKeyLocation());
    }

    public static String publicKeyLocation() {
        return PUBLIC_KEY.toUri().toString();
    }

    /** A token builder: {@code TestTokens.role("MUNICIPAL_OPERATOR").region("r").municipality("m").bearer()}. */
    public static Token role(String... roles) {
        return new Token(List.of(roles));
    }

    public static String admin() {
        return role("ADMIN").bearer();
    }

    /** Claims as a municipal operator would have them. */
    public static String municipalOperator(String region, String municipality) {
        return role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
    }

    /** Claims and builder for one token. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String subject = "test-" + UUID.randomUUID();
        private Duration ttl = Duration.ofHours(1);
        private KeyPair signer = KEYS;

        private Token(List<String> roles) {
            claims.put("roles", roles);
        }

        public Token subject(String value) {
            subject = value;
            return this;
        }

        public Token region(String value) {
            return claim("region", value);
        }

        public Token municipality(String value) {
            return claim("municipality", value);
        }

        public Token organization(String value) {
            return claim("organization", value);
        }

        public Token teacher(String value) {
            return claim("teacher", value);
        }

        public Token client(String value) {
            return claim("azp", value);
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** Expired an hour ago. */
        public Token expired() {
            ttl = Duration.ofHours(-1);
            return this;
        }

        /** Signed by a key the services do not trust. */
        public Token forged() {
            signer = FORGER;
            return this;
        }

        /** The raw JWT. */
        public String jwt() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("msp-test")
                    .issueTime(Date.from(now.minusSeconds(5)))
                    .expirationTime(Date.from(now.plus(ttl)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** The {@code Authorization} header value. */
        public String bearer() {
            return "Bearer " + jwt();
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("msp-test-jwt", ".pub.pem");
            file.toFile().deleteOnExit();
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
