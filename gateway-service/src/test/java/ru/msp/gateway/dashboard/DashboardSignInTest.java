package ru.msp.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The local platform's dashboard sign-in: the gateway signs a token for the picked role with the local key, and
 * that token is then accepted like one from {@code ./platform token}. The page and its chart library are open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DashboardSignInTest {

    private static final Path KEYS = keys();

    @DynamicPropertySource
    static void localKey(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + KEYS.resolve("pub.pem"));
        registry.add(
                "msp.gateway.sign-in.local-key-file",
                () -> KEYS.resolve("key.pem").toString());
    }

    @Autowired
    WebTestClient http;

    @Test
    void thePageItsScriptsAndTheChartLibraryAreServedWithoutAToken() {
        http.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page)
                        .contains("lang=\"ru\"")
                        .contains("/webjars/echarts/5.3.1/dist/echarts.min.js")
                        .contains("/dashboard.js"));
        for (String path :
                new String[] {"/dashboard.js", "/dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js"}) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theConfigurationSaysLocalSignIn() {
        http.get()
                .uri("/dashboard/config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.signIn")
                .isEqualTo("local");
    }

    @Test
    void aRegionalOperatorTokenCarriesOnlyTheRegionAndIsAcceptedByTheGateway() {
        Map<?, ?> issued = http.post()
                .uri("/dashboard/local-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "REGIONAL_OPERATOR", "region", "reg-66", "municipality", "ignored"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(issued.get("scope")).isEqualTo(Map.of("region", "reg-66"));
        String token = (String) issued.get("token");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims).contains("\"roles\":[\"REGIONAL_OPERATOR\"]").contains("\"region\":\"reg-66\"");
        assertThat(claims).doesNotContain("municipality");
        // a path no service owns: a valid token gets past security to the gateway's own 404, a bad one is 401
        http.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "x")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aRoleWithoutItsScopeOrAnUnknownRoleIsAProblemNamingTheField() {
        http.post()
                .uri("/dashboard/local-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "MUNICIPAL_OPERATOR", "region", "reg-66"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("municipality");
        http.post()
                .uri("/dashboard/local-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "ROOT"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
    }

    private static Path keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("msp-dashboard-keys");
            Files.writeString(
                    dir.resolve("key.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(
                    dir.resolve("pub.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return dir;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
