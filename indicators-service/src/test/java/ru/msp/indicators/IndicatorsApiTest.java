package ru.msp.indicators;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IndicatorsApiTest {

    @Autowired
    WebTestClient http;

    /** Reference data: any signed-in role may read it. */
    WebTestClient anonymous;

    @BeforeEach
    void signedIn() {
        anonymous = http;
        http = http.mutate()
                .defaultHeader(
                        HttpHeaders.AUTHORIZATION,
                        TestTokens.role("MUNICIPAL_OPERATOR")
                                .region("reg-66")
                                .municipality("mun-1")
                                .bearer())
                .build();
    }

    @Test
    void anonymousCallersGet401() {
        anonymous
                .get()
                .uri("/api/indicators/definitions")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Autowired
    IndicatorCatalogue catalogue;

    @Test
    void listsTheWholeCatalogue() {
        http.get()
                .uri("/api/indicators/definitions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(catalogue.all().size())
                .jsonPath("$[?(@.code=='DIAGNOSED_SHARE')].unit")
                .isEqualTo("SHARE")
                .jsonPath("$[?(@.code=='TARGET_GROUP_COVERAGE_GIFTED_SHARE')].targetGroup")
                .isEqualTo("GIFTED");
    }

    @Test
    void showsOneIndicatorByCode() {
        http.get()
                .uri("/api/indicators/definitions?code=REMOTE_COURSES_SHARE")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("REMOTE_COURSES_SHARE")
                .jsonPath("$.population")
                .isEqualTo("COURSE_PARTICIPANTS")
                .jsonPath("$.numerator.fact")
                .isEqualTo("teachersCompletedRemoteCourse")
                .jsonPath("$.denominator.fact")
                .isEqualTo("teachersCompletedCourse")
                .jsonPath("$.periodRule")
                .isEqualTo("SCHOOL_YEAR")
                .jsonPath("$.direction")
                .isEqualTo("HIGHER_IS_BETTER")
                .jsonPath("$.sources[0]")
                .isEqualTo("002_5288e30c49d88bfb.txt");
    }

    @Test
    void anUnknownIndicatorIsA404Problem() {
        http.get()
                .uri("/api/indicators/definitions?code=NO_SUCH_SHARE")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("Indicator NO_SUCH_SHARE was not found.");
    }

    @Test
    void listsThePresetsWithTheirTargets() {
        http.get()
                .uri("/api/programs/presets")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].id")
                .isEqualTo(List.of("NIZHNY_TAGIL_2024_2027", "BEREZNIKI_2021_2024", "OKTYABRSKY_2021_2024", "KOROLEV"))
                .jsonPath(
                        "$[?(@.id=='BEREZNIKI_2021_2024')].targets[?(@.indicatorCode=='REGISTRY_EXPERTS_COUNT')].value")
                .isEqualTo(3)
                .jsonPath(
                        "$[?(@.id=='BEREZNIKI_2021_2024')].targets[?(@.indicatorCode=='METHODICAL_ASSET_SHARE')].value")
                .isEqualTo(0.5)
                .jsonPath("$[?(@.id=='NIZHNY_TAGIL_2024_2027')].sourceSeed")
                .isEqualTo("000_2bc5442ac616a3d2.txt");
    }

    @Test
    void showsOnePresetWithPeriodQuotesAndYearlyTargets() {
        http.get()
                .uri("/api/programs/presets/KOROLEV")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.period.from")
                .isEqualTo("2023-09-01")
                .jsonPath("$.period.to")
                .isEqualTo("2024-12-31")
                .jsonPath("$.period.schoolYears")
                .isEqualTo(List.of("2023/2024", "2024/2025"))
                .jsonPath("$.period.sourceText")
                .isEqualTo("на период до 2024 года")
                .jsonPath("$.targets[?(@.indicatorCode=='SCHOOLS_WITH_MENTORING_MODEL_SHARE')].value")
                .isEqualTo(100)
                .jsonPath("$.targets[?(@.indicatorCode=='SCHOOLS_WITH_MENTORING_MODEL_SHARE')].sourceText")
                .isEqualTo("100% от общего числа школ")
                .jsonPath(
                        "$.targets[?(@.indicatorCode=='FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE')].yearlyTargets[*].schoolYear")
                .isEqualTo(List.of("2023/2024", "2024/2025"));
    }

    @Test
    void anUnknownPresetIsA404Problem() {
        http.get()
                .uri("/api/programs/presets/MOSCOW_2030")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("Programme preset MOSCOW_2030 was not found.");
    }

    @Test
    void healthIsUp() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
