package ru.msp.infra.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The local platform's JWT signing key: an RSA 2048 key pair in a directory (the platform uses {@code
 * .platform/keys/}).
 *
 * <ul>
 *   <li>{@value #PRIVATE_KEY_FILE}: the private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), mode 600;
 *   <li>{@value #PUBLIC_KEY_FILE}: the public key, X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}),
 *       what the services read through {@code spring.security.oauth2.resourceserver.jwt.public-key-location}.
 * </ul>
 *
 * <p>{@link #ensure(Path)} creates the pair once; later calls find it and change nothing, so tokens issued earlier stay
 * valid across platform restarts. Concurrent callers (two CLIs at once) serialise on a lock file in the directory;
 * files appear by an atomic rename, the public key first, so a present private key always has its public key.
 */
public final class LocalSigningKey {

    public static final String PRIVATE_KEY_FILE = "jwt-signing.pem";
    public static final String PUBLIC_KEY_FILE = "jwt-signing.pub.pem";
    private static final String LOCK_FILE = ".jwt-signing.lock";
    private static final int KEY_SIZE = 2048;

    /** What {@link #ensure(Path)} did. */
    public enum Outcome {
        /** A new key pair was written. */
        CREATED,
        /** Both files were there; nothing was changed. */
        EXISTING,
        /** The private key was there, its public key file was missing and was written from it. */
        PUBLIC_KEY_RESTORED
    }

    private LocalSigningKey() {}

    public static Path privateKeyFile(Path dir) {
        return dir.resolve(PRIVATE_KEY_FILE);
    }

    public static Path publicKeyFile(Path dir) {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    /**
     * Makes sure {@code dir} holds the key pair; creates {@code dir} (mode 700) when missing.
     *
     * @throws IllegalStateException when only the public key exists (its private key is lost: delete the file to get a
     *     new pair) or the private key file cannot be read
     */
    public static Outcome ensure(Path dir) {
        try {
            createDirectory(dir);
            try (FileChannel lockChannel = FileChannel.open(
                            dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockChannel.lock()) {
                Path privateFile = privateKeyFile(dir);
                Path publicFile = publicKeyFile(dir);
                boolean hasPrivate = Files.exists(privateFile);
                boolean hasPublic = Files.exists(publicFile);
                if (hasPrivate && hasPublic) {
                    return Outcome.EXISTING;
                }
                if (hasPrivate) {
                    writeAtomically(publicFile, publicPem(derivePublic(readPrivateKey(privateFile))), false);
                    return Outcome.PUBLIC_KEY_RESTORED;
                }
                if (hasPublic) {
                    throw new IllegalStateException(publicFile + " exists but its private key " + privateFile
                            + " does not; delete " + publicFile + " to generate a new key pair"
                            + " (and restart the services, they load the public key at start)");
                }
                KeyPair pair = generate();
                writeAtomically(publicFile, publicPem((RSAPublicKey) pair.getPublic()), false);
                writeAtomically(privateFile, privatePem((RSAPrivateKey) pair.getPrivate()), true);
                return Outcome.CREATED;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The key pair in {@code dir}; the public key is derived from the private key file. */
    public static KeyPair load(Path dir) {
        RSAPrivateKey privateKey = readPrivateKey(privateKeyFile(dir));
        return new KeyPair(derivePublic(privateKey), privateKey);
    }

    /** Reads a PKCS#8 PEM RSA private key. */
    public static RSAPrivateKey readPrivateKey(Path file) {
        String pem = read(file);
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException(file + " is a PKCS#1 key; convert it with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in old.pem -out " + PRIVATE_KEY_FILE + "`");
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY", file)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " does not hold a PKCS#8 RSA private key: " + e.getMessage(), e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo PEM RSA public key (what Spring's {@code public-key-location} reads). */
    public static RSAPublicKey readPublicKey(Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(decode(read(file), "PUBLIC KEY", file)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(file + " does not hold an RSA public key: " + e.getMessage(), e);
        }
    }

    static String publicPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String privatePem(RSAPrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available: " + e.getMessage(), e);
        }
    }

    private static RSAPublicKey derivePublic(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the private key carries no public exponent (not an RSA CRT key)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key: " + e.getMessage(), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String type, Path file) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " is not a PEM file with a '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " has a malformed PEM body: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path absolute = dir.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        try {
            if (posix()) {
                Files.createDirectory(
                        absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException createdMeanwhile) {
            // another caller created it; fine
        }
    }

    /** Writes to a temporary file in the same directory (mode 600 or 644 from the start), then renames it. */
    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        if (posix()) {
            Set<PosixFilePermission> mode = PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--");
            FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(mode);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attribute);
            // the umask may have narrowed the mode given at creation; make it exact
            Files.setPosixFilePermissions(temp, mode);
        } else {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        }
        try {
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
