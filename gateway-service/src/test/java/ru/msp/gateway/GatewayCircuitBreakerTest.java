package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;

/**
 * A service that is down or too slow is answered for by the gateway (problem+json naming it), quickly, while the other
 * services keep answering. Own stubs and context: a stub is taken away here.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "msp.gateway.services.events.response-timeout=1s")
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayCircuitBreakerTest {

    static final StubBackends STUBS = StubBackends.start();

    /** route-service's configured response timeout (application.yml). */
    static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(10);

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

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    @Order(1)
    void aServiceThatIsDownIsAnsweredFor503ProblemQuicklyWhileTheOthersWork() {
        STUBS.stop("route");
        for (HttpMethod method : new HttpMethod[] {HttpMethod.GET, HttpMethod.POST}) {
            long started = System.nanoTime();
            http.method(method)
                    .uri("/api/routes/r-1/approve")
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503)
                    .jsonPath("$.service")
                    .isEqualTo("route-service")
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("route-service"))
                    .jsonPath("$.instance")
                    .isEqualTo("/api/routes/r-1/approve");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("%s to a stopped service answered 503 in %d ms%n", method, took.toMillis());
            assertThat(took).isLessThan(ROUTE_TIMEOUT);
        }
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("teacher");
    }

    @Test
    @Order(2)
    void afterRepeatedFailuresTheBreakerOpensAndAnswersWithoutTrying() {
        for (int i = 0; i < 10; i++) {
            http.get()
                    .uri("/api/recommendations?teacherId=t-" + i)
                    .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
        }
        assertThat(breakers.circuitBreaker("route-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        http.get()
                .uri("/api/routes")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("recent calls failed"));
        assertThat(breakers.circuitBreaker("teacher-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @Order(3)
    void aServiceThatDoesNotAnswerWithinTheRouteTimeoutIsAnsweredFor504Problem() {
        STUBS.answerNext("events", 1, 200, Duration.ofSeconds(3));
        long started = System.nanoTime();
        http.get()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("events-service")
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("did not answer in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        // a timed-out GET is not tried again
        assertThat(STUBS.seen("events")).hasSize(1);
    }
}
