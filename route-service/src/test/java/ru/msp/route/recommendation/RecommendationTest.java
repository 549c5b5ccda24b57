package ru.msp.route.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.msp.route.RouteEvents.partial;
import static ru.msp.route.RouteEvents.pronounced;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.route.RouteEvents;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Targeted recommendations to teachers and school leaders, issued from diagnoses on the real broker. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RecommendationTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherCards cards;

    RouteEvents events;
    EventProbe routesTopic;
    String methodist;

    @BeforeEach
    void freshTerritory() {
        http = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .build();
        events = new RouteEvents(kafka);
        routesTopic = new EventProbe("routes.v1");
        methodist = TestTokens.role("METHODIST")
                .region(events.region)
                .municipality(events.municipality)
                .bearer();
    }

    @AfterEach
    void closeProbe() {
        routesTopic.close();
    }

    @Test
    void everyDiagnosisGivesTheTeacherOneRecommendationFromDeficitsAndRoute() {
        String teacher = RouteEvents.id("tch");
        DomainEvent<DiagnosticCompleted> diagnosis = events.diagnosis(teacher, pronounced("ASSESSMENT"));
        events.send(diagnosis);
        events.send(diagnosis); // redelivered
        String clean = RouteEvents.id("tch");
        events.send(events.diagnosis(clean));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                JsonPath.<Integer>read(list("/api/recommendations?teacherId=" + teacher), "$.length()"))
                        .isEqualTo(1));
        String body = list("/api/recommendations?teacherId=" + teacher);
        assertThat(JsonPath.<String>read(body, "$[0].id"))
                .isEqualTo("rec-" + diagnosis.data().resultId());
        assertThat(JsonPath.<String>read(body, "$[0].addressee")).isEqualTo("TEACHER");
        assertThat(JsonPath.<String>read(body, "$[0].routeId")).isEqualTo("rt-" + teacher + "-1");
        assertThat(JsonPath.<List<String>>read(body, "$[0].actions"))
                .singleElement()
                .asString()
                .contains("Выраженный дефицит по компетенции ASSESSMENT", "самообразование", "rt-" + teacher + "-1");
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                list("/api/recommendations?teacherId=" + clean), "$[0].actions"))
                        .singleElement()
                        .asString()
                        .contains("Профессиональных дефицитов не выявлено"));

        List<DomainEvent<?>> issued = routesTopic.await(
                e -> e.data() instanceof RecommendationIssued r && teacher.equals(r.teacherId()), 1, WAIT);
        RecommendationIssued payload = (RecommendationIssued) issued.get(0).data();
        assertThat(payload.addressee()).isEqualTo("TEACHER");
        assertThat(payload.competencyCodes()).containsExactly("ASSESSMENT");
        assertThat(payload.organizationId()).isEqualTo(events.school);
        assertThat(routesTopic.events(
                        e -> e.data() instanceof RecommendationIssued r && teacher.equals(r.teacherId()),
                        Duration.ofMillis(500)))
                .hasSize(1);
    }

    @Test
    void aSchoolLeaderIsAdvisedOnceTheShareOfASubjectsTeachersWithADeficitCrossesTheThreshold() {
        LocalDate today = RouteEvents.today();
        String director = RouteEvents.id("tch");
        events.teacher(
                director,
                events.school,
                RouteEvents.teacherFacts(
                        events.school, "DIRECTOR", List.of(), today.minusYears(50), today.minusYears(25), Set.of()));
        List<String> maths = List.of(RouteEvents.id("tch"), RouteEvents.id("tch"), RouteEvents.id("tch"));
        for (String teacher : maths) {
            events.teacher(
                    teacher,
                    events.school,
                    RouteEvents.teacherFacts(
                            events.school,
                            "TEACHER",
                            List.of("MATHEMATICS"),
                            today.minusYears(40),
                            today.minusYears(15),
                            Set.of()));
        }
        await().atMost(WAIT)
                .until(() -> maths.stream()
                        .allMatch(t -> cards.card(t)
                                .blockOptional()
                                .map(c -> c.facts() != null)
                                .orElse(false)));

        events.send(events.diagnosis(maths.get(0), pronounced("ASSESSMENT")));
        events.send(events.diagnosis(maths.get(1), partial("ASSESSMENT")));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<Integer>read(
                                list("/api/recommendations?organizationId=" + events.school + "&addressee=TEACHER"),
                                "$.length()"))
                        .isEqualTo(2));
        assertThat(JsonPath.<Integer>read(
                        list("/api/recommendations?organizationId=" + events.school + "&addressee=SCHOOL_LEADER"),
                        "$.length()"))
                .as("two diagnosed teachers are not yet a group")
                .isEqualTo(0);

        events.send(events.diagnosis(maths.get(2), RouteEvents.today(), List.of("ASSESSMENT")));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                list("/api/recommendations?organizationId=" + events.school
                                        + "&addressee=SCHOOL_LEADER"),
                                "$[*].subject"))
                        .containsExactlyInAnyOrder("MATHEMATICS", "ALL_STAFF"));
        String leaders = list("/api/recommendations?organizationId=" + events.school + "&addressee=SCHOOL_LEADER");
        assertThat(JsonPath.<List<String>>read(leaders, "$[?(@.subject == 'MATHEMATICS')].text"))
                .singleElement()
                .asString()
                .startsWith("67% учителей (MATHEMATICS) (2 из 3) имеют дефицит по ASSESSMENT");
        assertThat(JsonPath.<List<String>>read(leaders, "$[*].teacherId")).containsOnly(director);
        routesTopic.await(
                e -> e.data() instanceof RecommendationIssued r
                        && r.addressee().equals("SCHOOL_LEADER")
                        && events.school.equals(r.organizationId()),
                2,
                WAIT);

        as(methodist)
                .get()
                .uri("/api/recommendations/staff-deficits?organizationId=" + events.school)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.subject == 'MATHEMATICS')].share")
                .isEqualTo(67);
    }

    @Test
    void aMethodistCanAskForLeaderRecommendationsAndTheyAreIssuedOnceWithinScope() {
        String teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("DIGITAL")));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                JsonPath.<Integer>read(list("/api/recommendations?teacherId=" + teacher), "$.length()"))
                        .isEqualTo(1));
        String otherMethodist = TestTokens.role("METHODIST")
                .region(events.region)
                .municipality("mun-other")
                .bearer();
        String self = TestTokens.role("TEACHER")
                .region(events.region)
                .municipality(events.municipality)
                .organization(events.school)
                .teacher(teacher)
                .bearer();

        as(otherMethodist)
                .post()
                .uri("/api/recommendations/leaders?organizationId=" + events.school)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(self).post()
                .uri("/api/recommendations/leaders?organizationId=" + events.school)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(methodist)
                .post()
                .uri("/api/recommendations/leaders?organizationId=org-nobody")
                .exchange()
                .expectStatus()
                .isNotFound();
        for (int i = 0; i < 2; i++) {
            as(methodist)
                    .post()
                    .uri("/api/recommendations/leaders?organizationId=" + events.school)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(1)
                    .jsonPath("$[0].competencyCodes[0]")
                    .isEqualTo("DIGITAL")
                    .jsonPath("$[0].basis")
                    .value(basis -> assertThat((String) basis).startsWith("requested-by:"));
        }
        routesTopic.await(
                e -> e.data() instanceof RecommendationIssued r
                        && r.addressee().equals("SCHOOL_LEADER")
                        && events.school.equals(r.organizationId()),
                1,
                WAIT);
        assertThat(routesTopic.events(
                        e -> e.data() instanceof RecommendationIssued r
                                && r.addressee().equals("SCHOOL_LEADER")
                                && events.school.equals(r.organizationId()),
                        Duration.ofMillis(500)))
                .hasSize(1);

        // reads: the teacher sees their own, not the leader's; another municipality sees nothing
        as(self).get()
                .uri("/api/recommendations?organizationId=" + events.school)
                .exchange()
                .expectBody()
                .jsonPath("$[*].addressee")
                .value(kinds -> assertThat((List<String>) kinds).containsOnly("TEACHER"));
        as(otherMethodist)
                .get()
                .uri("/api/recommendations?organizationId=" + events.school)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        as(otherMethodist)
                .get()
                .uri("/api/recommendations/rec-org-nothing")
                .exchange()
                .expectStatus()
                .isNotFound();
        as(otherMethodist)
                .get()
                .uri("/api/recommendations/staff-deficits?organizationId=" + events.school)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(self).get()
                .uri("/api/recommendations/staff-deficits?organizationId=" + events.school)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient as(String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, token).build();
    }

    private String list(String uri) {
        return http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}
