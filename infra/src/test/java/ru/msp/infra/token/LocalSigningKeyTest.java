package ru.msp.infra.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheKeyPairOnceAndLeavesItAloneAfterwards() throws Exception {
        Path dir = tmp.resolve("platform").resolve("keys");

        assertThat(LocalSigningKey.ensure(dir)).isEqualTo(LocalSigningKey.Outcome.CREATED);
        Path privateFile = dir.resolve("jwt-signing.pem");
        Path publicFile = dir.resolve("jwt-signing.pub.pem");
        String privatePem = Files.readString(privateFile);
        String publicPem = Files.readString(publicFile);
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
        }
        RSAPublicKey publicKey = LocalSigningKey.readPublicKey(publicFile);
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        long privateModified = Files.getLastModifiedTime(privateFile).toMillis();

        assertThat(LocalSigningKey.ensure(dir)).isEqualTo(LocalSigningKey.Outcome.EXISTING);
        assertThat(LocalSigningKey.ensure(dir)).isEqualTo(LocalSigningKey.Outcome.EXISTING);
        assertThat(Files.readString(privateFile)).isEqualTo(privatePem);
        assertThat(Files.readString(publicFile)).isEqualTo(publicPem);
        assertThat(Files.getLastModifiedTime(privateFile).toMillis()).isEqualTo(privateModified);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary files left behind")
                    .containsExactlyInAnyOrder("jwt-signing.pem", "jwt-signing.pub.pem", ".jwt-signing.lock");
        }

        KeyPair loaded = LocalSigningKey.load(dir);
        assertThat(loaded.getPublic().getEncoded()).isEqualTo(publicKey.getEncoded());
    }

    @Test
    void aMissingPublicKeyIsWrittenAgainFromThePrivateKey() throws Exception {
        LocalSigningKey.ensure(tmp);
        String publicPem = Files.readString(tmp.resolve("jwt-signing.pub.pem"));
        Files.delete(tmp.resolve("jwt-signing.pub.pem"));

        assertThat(LocalSigningKey.ensure(tmp)).isEqualTo(LocalSigningKey.Outcome.PUBLIC_KEY_RESTORED);
        assertThat(Files.readString(tmp.resolve("jwt-signing.pub.pem"))).isEqualTo(publicPem);
    }

    @Test
    void aPublicKeyWithoutItsPrivateKeyIsAnErrorNotASilentNewKey() throws Exception {
        LocalSigningKey.ensure(tmp);
        Files.delete(tmp.resolve("jwt-signing.pem"));

        assertThatThrownBy(() -> LocalSigningKey.ensure(tmp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jwt-signing.pub.pem exists but its private key")
                .hasMessageContaining("delete");
        assertThat(tmp.resolve("jwt-signing.pem")).doesNotExist();
    }

    @Test
    void aPkcs1KeyIsRefusedWithAHint() throws Exception {
        Path file = tmp.resolve("jwt-signing.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> LocalSigningKey.readPrivateKey(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }
}
