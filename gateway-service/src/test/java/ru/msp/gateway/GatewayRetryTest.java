package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Reads are retried when a service is briefly unavailable; writes never are (they might have been applied). */
class GatewayRetryTest extends GatewayTestSupport {

    @Test
    void aGetThatFirstGets503IsRetriedAndTheClientSeesTheAnswer() {
        STUBS.answerNext("teacher", 1, 503);
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("teacher");
        assertThat(STUBS.seen("teacher")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void aGetIsAlsoRetriedAfter(int status) {
        STUBS.answerNext("indicators", 1, status);
        http.get()
                .uri("/api/indicators/definitions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(STUBS.seen("indicators")).hasSize(2);
    }

    @Test
    void aGetIsRetriedTwiceAtMostThenTheServicesAnswerIsPassedOn() {
        STUBS.answerNext("teacher", 5, 503);
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isEqualTo(503);
        assertThat(STUBS.seen("teacher")).hasSize(3);
    }

    @Test
    void aGetIsNotRetriedAfterAnAnswerThatIsNotAnOutage() {
        STUBS.answerNext("teacher", 1, 500);
        http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .exchange()
                .expectStatus()
                .isEqualTo(500);
        assertThat(STUBS.seen("teacher")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteThatGets503IsNotRetried(String method) {
        STUBS.answerNext("teacher", 1, 503);
        http.method(HttpMethod.valueOf(method))
                .uri("/api/teachers/t-1")
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(503);
        assertThat(STUBS.seen("teacher"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.method()).isEqualTo(method));
    }
}
