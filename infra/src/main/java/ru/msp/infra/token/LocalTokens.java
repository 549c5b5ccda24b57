package ru.msp.infra.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local platform's token CLI (what {@code ./platform token} runs):
 *
 * <pre>
 * LocalTokens keys  --dir D     create the RSA 2048 signing key pair in D once (D/jwt-signing.pem, mode 600, and
 *                                D/jwt-signing.pub.pem); nothing happens when it exists
 * LocalTokens issue --dir D --role ROLE [--role ROLE2] [--region R] [--municipality M] [--organization O]
 *                   [--teacher T] [--subject S] [--client C] [--ttl 1h|30m|7d]
 *                               print one RS256 JWT signed with D's key (creates the key pair first if missing)
 * </pre>
 *
 * <p>Tokens carry {@code iss=msp-local}, {@code sub} (default {@code local-<role>}), {@code iat}, {@code exp},
 * {@code jti}, {@code roles} and the scope claims given; {@code --client} becomes {@code azp}. The header names the
 * key by its RFC 7638 thumbprint ({@code kid}). Exit codes: 0 done, 2 refused input (unknown role or option, a role
 * without its scope claims, a bad TTL), 1 a key file problem. Only the token goes to stdout, so {@code
 * TOKEN=$(... issue ...)} works; notes go to stderr.
 */
public final class LocalTokens {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final Set<String> KEYS_OPTIONS = Set.of("dir");
    private static final Set<String> ISSUE_OPTIONS =
            Set.of("dir", "role", "region", "municipality", "organization", "teacher", "subject", "client", "ttl");

    private static final String USAGE_TEXT = """
            usage: LocalTokens keys  --dir DIR
                   LocalTokens issue --dir DIR --role ROLE [--role ROLE2] [--region R] [--municipality M]
                                     [--organization O] [--teacher T] [--subject S] [--client C] [--ttl 1h|30m|7d]
              roles and the scope claims they need:
                ADMIN               -
                REGIONAL_OPERATOR   --region
                MUNICIPAL_OPERATOR  --region --municipality
                METHODIST           --region --municipality
                SCHOOL_SYSTEM       --region --municipality --organization
                TEACHER             --region --municipality --teacher
              --ttl: a number and s, m, h or d (default 1h); --client becomes the azp claim;
              --subject defaults to local-<role>.""";

    private LocalTokens() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "keys" -> keys(Options.parse(rest, KEYS_OPTIONS), out);
                case "issue" -> issue(Options.parse(rest, ISSUE_OPTIONS), out, err);
                default -> throw new InvalidTokenRequestException("unknown command '" + command + "'");
            };
        } catch (InvalidTokenRequestException e) {
            err.println("token: " + e.getMessage());
            err.println("token: the roles and options: ./platform token --help (LocalTokens help)");
            return USAGE;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("token: " + e.getMessage());
            return FAILED;
        }
    }

    private static int keys(Options options, PrintStream out) {
        Path dir = options.dir();
        LocalSigningKey.Outcome outcome = LocalSigningKey.ensure(dir);
        String what = switch (outcome) {
            case CREATED -> "created a new RSA 2048 signing key pair in ";
            case EXISTING -> "using the existing signing key pair in ";
            case PUBLIC_KEY_RESTORED -> "rewrote the missing public key from the private key in ";
        };
        out.println("msp-infra: " + what + dir + " (public key " + LocalSigningKey.publicKeyFile(dir) + ")");
        return OK;
    }

    private static int issue(Options options, PrintStream out, PrintStream err) {
        Map<String, String> scope = new LinkedHashMap<>();
        for (String claim : TokenRequest.SCOPE_CLAIMS) {
            scope.put(claim, options.single(claim));
        }
        TokenRequest request = TokenRequest.of(
                options.all("role"), scope, options.single("subject"), options.single("client"), options.single("ttl"));
        Path dir = options.dir();
        if (LocalSigningKey.ensure(dir) == LocalSigningKey.Outcome.CREATED) {
            err.println("token: created a new signing key pair in " + dir
                    + "; services started earlier with another key will not accept this token until restarted");
        }
        out.println(issue(LocalSigningKey.load(dir), request, Instant.now()));
        return OK;
    }

    /** Signs {@code request}'s claims (issued at {@code now}) with RS256; returns the compact JWT. */
    public static String issue(KeyPair keys, TokenRequest request, Instant now) {
        try {
            String keyId = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                    .build()
                    .computeThumbprint()
                    .toString();
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(keyId)
                    .build();
            SignedJWT jwt = new SignedJWT(header, request.claims(now));
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the token: " + e.getMessage(), e);
        }
    }

    /** {@code --name value} / {@code --name=value}; repeated names keep every value. */
    private record Options(Map<String, List<String>> values) {

        static Options parse(String[] args, Set<String> allowed) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--") || arg.length() == 2) {
                    throw new InvalidTokenRequestException("unexpected argument '" + arg + "'");
                }
                String name;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    name = arg.substring(2, eq);
                    value = arg.substring(eq + 1);
                } else {
                    name = arg.substring(2);
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new InvalidTokenRequestException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (!allowed.contains(name)) {
                    throw new InvalidTokenRequestException("unknown option --" + name);
                }
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            return new Options(values);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        String single(String name) {
            List<String> given = all(name);
            if (given.size() > 1) {
                throw new InvalidTokenRequestException("--" + name + " may be given once");
            }
            return given.isEmpty() ? null : given.get(0);
        }

        Path dir() {
            String dir = single("dir");
            if (dir == null || dir.isBlank()) {
                throw new InvalidTokenRequestException("--dir is required (the platform uses .platform/keys)");
            }
            return Path.of(dir).toAbsolutePath().normalize();
        }
    }
}
