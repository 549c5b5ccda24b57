package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;

/** Each client (token subject) has its own budget: one client over it gets 429, another still passes. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // 3 at once, then one every 100 s: the 4th request in a row is over the budget, however slow the machine
            "msp.gateway.rate-limit.burst=3",
            "msp.gateway.rate-limit.requests-per-second=0.01"
        })
@AutoConfigureWebTestClient
class GatewayRateLimitTest {

    static final StubBackends STUBS = StubBackends.start();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        STUBS.register(registry);
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @AfterAll
    static void stopStubs() {
        STUBS.stopAll();
    }

    @Autowired
    WebTestClient http;

    @Test
    void theRequestOverTheBudgetGets429ProblemWithRetryAfterWhileAnotherClientPasses() {
        String first =
                TestTokens.role("SCHOOL_SYSTEM").subject("school-system-1").bearer();
        // a new token of the same subject spends the same budget
        String firstAgain =
                TestTokens.role("SCHOOL_SYSTEM").subject("school-system-1").bearer();
        String second =
                TestTokens.role("SCHOOL_SYSTEM").subject("school-system-2").bearer();

        get("/api/regions", first).expectStatus().isOk().expectHeader().valueEquals("X-RateLimit-Remaining", "2");
        get("/api/competencies", first).expectStatus().isOk();
        get("/api/activities", firstAgain).expectStatus().isOk();
        get("/api/regions", first)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value(
                        HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 100L))
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.title")
                .isEqualTo("Too Many Requests")
                .jsonPath("$.instance")
                .isEqualTo("/api/regions");
        assertThat(STUBS.seen("teacher")).hasSize(1);

        get("/api/regions", second).expectStatus().isOk();
        assertThat(STUBS.seen("teacher")).hasSize(2);
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }
}
