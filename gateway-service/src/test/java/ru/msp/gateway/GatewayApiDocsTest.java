package ru.msp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One Swagger UI at the gateway over every service's /v3/api-docs, open without a token. */
class GatewayApiDocsTest extends GatewayTestSupport {

    @ParameterizedTest
    @CsvSource({
        "/v3/api-docs/teacher, teacher",
        "/v3/api-docs/diagnostics, diagnostics",
        "/v3/api-docs/route, route",
        "/v3/api-docs/events, events",
        "/v3/api-docs/indicators, indicators"
    })
    void eachServicesDescriptionIsFetchedFromItsApiDocs(String path, String service) {
        http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo(service);
        assertThat(STUBS.seen(service))
                .singleElement()
                .satisfies(seen -> assertThat(seen.uri()).isEqualTo("/v3/api-docs"));
    }

    @Test
    void theSwaggerUiListsTheFiveServices() {
        http.get()
                .uri("/v3/api-docs/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.urls[*].url")
                .value(urls -> assertThat(urls)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder(
                                "/v3/api-docs/teacher",
                                "/v3/api-docs/diagnostics",
                                "/v3/api-docs/route",
                                "/v3/api-docs/events",
                                "/v3/api-docs/indicators"));
    }

    @Test
    void theSwaggerUiPageIsServedWithoutAToken() {
        String location = http.get()
                .uri("/swagger-ui.html")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();
        http.get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("swagger-ui"));
    }
}
