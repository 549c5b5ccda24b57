package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * 1 MB per request body on ordinary paths, 10 MB on import paths (MB as Spring counts them: 1024 × 1024 bytes); larger
 * bodies never reach a service.
 */
class GatewayRequestSizeTest extends GatewayTestSupport {

    static final int MB = 1024 * 1024;

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413Problem() {
        post("/api/regions", MB + 1)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .doesNotExist("errorMessage")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413)
                .jsonPath("$.title")
                .isEqualTo("Content Too Large")
                .jsonPath("$.detail")
                .isEqualTo(
                        "The request body (1048577 bytes) is larger than the 1 MB (1048576 bytes) accepted on this path.")
                .jsonPath("$.instance")
                .isEqualTo("/api/regions");
        assertThat(STUBS.seen("teacher")).isEmpty();
    }

    @Test
    void aBodyOfOneMegabytePasses() {
        post("/api/activities", MB).expectStatus().isOk();
        assertThat(STUBS.seen("events"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.bodyBytes()).isEqualTo(MB));
    }

    @Test
    void anImportMayCarryUpToTenMegabytes() {
        post("/api/teachers/import", 5 * MB).expectStatus().isOk();
        post("/api/diagnostics/results/import", 10 * MB).expectStatus().isOk();
        assertThat(STUBS.seen("teacher"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.bodyBytes()).isEqualTo(5 * MB));
        assertThat(STUBS.seen("diagnostics"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.bodyBytes()).isEqualTo(10 * MB));
    }

    @Test
    void anImportOverTenMegabytesIsRefusedWith413Problem() {
        post("/api/teachers/import", 10 * MB + 1)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("10 MB (10485760 bytes)"));
        assertThat(STUBS.seen("teacher")).isEmpty();
    }

    @Test
    void aChunkedBodyWithoutLengthIsHeldToTheSameLimit() {
        postChunked("/api/regions", MB + 1)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is larger than the 1 MB (1048576 bytes) accepted on this path.");
        assertThat(STUBS.seen("teacher")).isEmpty();

        postChunked("/api/teachers/import", 3 * MB).expectStatus().isOk();
        assertThat(STUBS.seen("teacher"))
                .singleElement()
                .satisfies(seen -> assertThat(seen.bodyBytes()).isEqualTo(3 * MB));
    }

    /** A body of unknown length: sent chunked, without Content-Length. */
    private WebTestClient.ResponseSpec postChunked(String path, int bytes) {
        int chunk = 64 * 1024;
        Flux<DataBuffer> body = Flux.range(0, (bytes + chunk - 1) / chunk)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[Math.min(chunk, bytes - i * chunk)]));
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .contentType(MediaType.TEXT_PLAIN)
                .body(body, DataBuffer.class)
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String path, int bytes) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, operatorToken())
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue(new byte[bytes])
                .exchange();
    }
}
