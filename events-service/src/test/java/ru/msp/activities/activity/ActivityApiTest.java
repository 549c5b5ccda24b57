package ru.msp.activities.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class ActivityApiTest {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void asAdministrator() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
    }

    @Test
    void publishingACourseStoresItAndPublishesTheFactsRoutesNeed() {
        String municipality = "mun-" + UUID.randomUUID();
        ActivityDraft draft = new ActivityDraft(
                "reg-66",
                municipality,
                "org-irro",
                "Формирующее оценивание на уроках математики",
                ActivityKind.COURSE,
                "REGIONAL",
                List.of("ASSESSMENT"),
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of("TEACHER"),
                "REMOTE",
                null,
                "https://irro.example/course/17",
                ActivityRulesTest.START,
                ActivityRulesTest.START.plus(Duration.ofDays(14)),
                30,
                new CourseDetails(new BigDecimal("36"), "ГАОУ ДПО СО ИРО", true),
                null,
                null);
        try (EventProbe probe = new EventProbe("activities.v1")) {
            String id = http.post()
                    .uri("/api/activities")
                    .bodyValue(draft)
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(ActivityView.class)
                    .returnResult()
                    .getResponseBody()
                    .id();

            var published = probe.await(
                    e -> e.type() == EventCatalog.ACTIVITY_PUBLISHED
                            && e.subject().equals(id),
                    1,
                    Duration.ofSeconds(60));
            assertThat(published).singleElement().satisfies(e -> {
                ActivityPublished data = (ActivityPublished) e.data();
                assertThat(data.facts().federalRegistry()).isTrue();
                assertThat(data.facts().courseHours()).isEqualByComparingTo("36");
                assertThat(data.facts().competencyCodes()).containsExactly("ASSESSMENT");
                assertThat(e.scope().municipalityId()).isEqualTo(municipality);
            });
            http.get()
                    .uri("/api/activities?municipalityId=" + municipality)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].status")
                    .isEqualTo("PUBLISHED");
            http.get().uri("/api/activities/" + id).exchange().expectStatus().isOk();
        }
    }

    @Test
    void anInvalidActivityIsRejectedWithEveryProblemAndNothingIsStored() {
        String municipality = "mun-" + UUID.randomUUID();
        String body = """
                {"regionId":"reg-66","municipalityId":"%s","organizerId":"org-1","title":"Курс",
                 "kind":"COURSE","level":"REGIONAL","format":"IN_PERSON",
                 "startsAt":"2026-02-02T06:00:00Z","endsAt":"2026-02-01T06:00:00Z","capacity":-3}
                """.formatted(municipality);
        http.post()
                .uri("/api/activities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field=='capacity')]")
                .exists();
        String valid = body.replace("\"capacity\":-3", "\"capacity\":3");
        http.post()
                .uri("/api/activities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(valid)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='endsAt')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='course')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='place')]")
                .exists();
        http.get()
                .uri("/api/activities?municipalityId=" + municipality)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemNamingTheField() {
        String body = """
                {"regionId":"reg-66","municipalityId":"mun-x","organizerId":"org-1","title":"Курс","kind":"COURSE",
                 "level":"REGIONAL","format":"REMOTE","link":"https://x","startsAt":"2026-02-02T06:00:00Z",
                 "endsAt":"2026-02-03T06:00:00Z","course":{"hours":"тридцать шесть","provider":"ИРО"}}
                """;
        http.post()
                .uri("/api/activities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("course.hours");
        // a yes/no left out means "no": the same course with a number of hours is accepted
        http.post()
                .uri("/api/activities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("\"тридцать шесть\"", "36"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.course.federalRegistry")
                .isEqualTo(false);
    }

    @Test
    void anUnknownActivityIsA404Problem() {
        http.get()
                .uri("/api/activities/" + UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
