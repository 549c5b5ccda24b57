package ru.msp.diagnostics.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CompetencyApiTest {

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
                        TestTokens.role("TEACHER")
                                .region("reg-66")
                                .municipality("mun-1")
                                .teacher("t-1")
                                .bearer())
                .build();
    }

    @Test
    void anonymousCallersGet401() {
        anonymous.get().uri("/api/competencies").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theCurrentFrameworkWithEveryAreaCompetencyLevelAndPosition() {
        http.get()
                .uri("/api/competencies")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("2025.1")
                .jsonPath("$.current")
                .isEqualTo(true)
                .jsonPath("$.levels[*].code")
                .isEqualTo(List.of("HIGH", "ADVANCED", "BASIC", "BELOW_BASIC"))
                .jsonPath("$.positions[?(@.code=='DIRECTOR')].managerial")
                .isEqualTo(List.of(true))
                .jsonPath("$.areas[?(@.code=='MANAGEMENT')]")
                .exists()
                .jsonPath("$.areas[*].competencies[?(@.code=='READING_LITERACY')].nameRu")
                .isEqualTo(List.of("Читательская грамотность"))
                .jsonPath("$.areas[*].competencies[?(@.code=='ASSESSMENT')].nameEn")
                .isEqualTo(List.of("Assessment of learning outcomes"))
                .jsonPath("$.areas[*].competencies[*].code")
                .value(codes -> assertThat((List<?>) codes).hasSize(20));
    }

    @Test
    void aDirectorGetsManagementCompetenciesAndNothingTheyDoNotDo() {
        http.get()
                .uri("/api/competencies?position=DIRECTOR")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.position")
                .isEqualTo("DIRECTOR")
                .jsonPath("$.areas[*].code")
                .isEqualTo(List.of("MANAGEMENT"))
                .jsonPath("$.areas[0].competencies[?(@.code=='EDUCATION_QUALITY_MANAGEMENT')]")
                .exists()
                .jsonPath("$.areas[0].competencies[?(@.code=='STAFF_DEVELOPMENT')]")
                .exists()
                .jsonPath("$.areas[*].competencies[?(@.code=='SUBJECT_METHODOLOGY')]")
                .doesNotExist();
    }

    @Test
    void aTeacherGetsTeachingCompetenciesAndNoManagementOnes() {
        http.get()
                .uri("/api/competencies?position=TEACHER&version=2025.1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("2025.1")
                .jsonPath("$.areas[?(@.code=='MANAGEMENT')]")
                .doesNotExist()
                .jsonPath("$.areas[*].competencies[?(@.code=='STAFF_DEVELOPMENT')]")
                .doesNotExist()
                .jsonPath("$.areas[*].competencies[?(@.code=='SUBJECT_METHODOLOGY')]")
                .exists()
                .jsonPath("$.areas[*].competencies[?(@.code=='GLOBAL_COMPETENCE')]")
                .exists();
    }

    @Test
    void anUnknownPositionIsAProblemListingTheField() {
        http.get()
                .uri("/api/competencies?position=ASTRONAUT")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[?(@.field=='position')].rejectedValue")
                .isEqualTo(List.of("ASTRONAUT"))
                .jsonPath("$.errors[?(@.field=='position')].message")
                .value(messages ->
                        assertThat(messages.toString()).contains("TEACHER").contains("DIRECTOR"));
    }

    @Test
    void anUnknownVersionIsA404Problem() {
        http.get()
                .uri("/api/competencies?version=1999.1")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .isEqualTo("Competency framework version 1999.1 was not found.");
    }

    @Test
    void blankParametersMeanTheCurrentVersionUnfiltered() {
        http.get()
                .uri("/api/competencies?version=&position=")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo("2025.1")
                .jsonPath("$.position")
                .doesNotExist()
                .jsonPath("$.areas[?(@.code=='MANAGEMENT')]")
                .exists();
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
