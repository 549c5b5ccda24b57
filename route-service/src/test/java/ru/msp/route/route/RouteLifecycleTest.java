package ru.msp.route.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.msp.route.RouteEvents.facts;
import static ru.msp.route.RouteEvents.partial;
import static ru.msp.route.RouteEvents.pronounced;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.routes.RouteStepCompleted;
import ru.msp.route.RouteEvents;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Approval, participation, manual steps, cancellation, stalled routes and out-of-order events, end to end. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RouteLifecycleTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherCards cards;

    @Autowired
    ScopedMongo mongo;

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
    void attendanceCompletesAStepAndTheLastStepCompletesTheRoute() {
        String seminar = events.publish(facts("SEMINAR", "ASSESSMENT", 3, 20, false));
        String course = events.publish(facts("COURSE", "DIGITAL", 3, 20, true));
        awaitOffers(2);
        String teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("ASSESSMENT"), pronounced("DIGITAL")));
        String id = awaitRouteId(teacher);

        String approved = as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of(
                        "tutorId",
                        "tutor-1",
                        "dueDate",
                        RouteEvents.today().plusMonths(3).toString()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(JsonPath.<String>read(approved, "$.status")).isEqualTo("APPROVED");
        assertThat(JsonPath.<String>read(approved, "$.tutorId")).isEqualTo("tutor-1");

        events.attended(seminar, teacher);
        events.attended(course, teacher); // one session of a course is not the course
        await().atMost(WAIT).untilAsserted(() -> {
            String body = route(id);
            assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("IN_PROGRESS");
            assertThat(JsonPath.<Integer>read(body, "$.progress")).isEqualTo(50);
        });
        assertThat(JsonPath.<List<String>>read(route(id), "$.steps[?(@.offerId == '" + course + "')].status"))
                .containsExactly("OPEN");

        events.completedCourse(course, teacher);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(JsonPath.<String>read(route(id), "$.status")).isEqualTo("COMPLETED"));
        String body = route(id);
        assertThat(JsonPath.<Integer>read(body, "$.progress")).isEqualTo(100);
        assertThat(JsonPath.<List<String>>read(body, "$.steps[*].completedBy"))
                .containsExactlyInAnyOrder("ATTENDANCE", "COURSE_COMPLETION");

        routesTopic.await(
                e -> e.data() instanceof RouteApproved a && a.routeId().equals(id), 1, WAIT);
        assertThat(routesTopic.await(
                        e -> e.data() instanceof RouteStepCompleted s
                                && s.routeId().equals(id),
                        2,
                        WAIT))
                .hasSize(2);
        routesTopic.await(
                e -> e.data() instanceof RouteCompleted c && c.routeId().equals(id), 1, WAIT);
    }

    @Test
    void attendanceBeforeTheRouteExistsStillCompletesTheStepAndAnActivityUpdateAfterSuggestionShows() {
        String seminar = events.publish(facts("SEMINAR", "ASSESSMENT", 3, 20, false));
        String webinar = events.publish(facts("WEBINAR", "DIGITAL", 4, 20, false));
        awaitOffers(2);
        String teacher = RouteEvents.id("tch");
        events.attended(seminar, teacher);
        await().atMost(WAIT)
                .until(() -> cards.card(teacher)
                        .blockOptional()
                        .map(c -> !c.attendedOrEmpty().isEmpty())
                        .orElse(false));

        events.send(events.diagnosis(teacher, partial("ASSESSMENT"), partial("DIGITAL")));
        String id = awaitRouteId(teacher);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                route(id), "$.steps[?(@.offerId == '" + seminar + "')].status"))
                        .containsExactly("DONE"));
        assertThat(JsonPath.<String>read(route(id), "$.status")).isEqualTo("SUGGESTED");

        // the webinar moves a week later after the route was suggested: the route shows the offer as it is now
        Instant moved = Instant.now().plus(Duration.ofDays(11)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var changed = new ru.msp.contracts.activities.ActivityFacts(
                "WEBINAR",
                "MUNICIPAL",
                "org-centre",
                List.of("DIGITAL"),
                java.util.Set.of(),
                List.of(),
                "REMOTE",
                moved,
                moved.plus(Duration.ofHours(2)),
                20,
                null,
                false);
        events.change(webinar, changed);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                route(id), "$.steps[?(@.offerId == '" + webinar + "')].offer.format"))
                        .containsExactly("REMOTE"));

        // approving a route whose remaining step is then attended completes it
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of("tutorId", "tutor-2"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("IN_PROGRESS");
        events.attended(webinar, teacher);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(JsonPath.<String>read(route(id), "$.status")).isEqualTo("COMPLETED"));
    }

    @Test
    void stepsAreDoneByHandWithACommentAndRoutesCanBeCancelled() {
        String teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("ASSESSMENT"), partial("DIGITAL")));
        String id = awaitRouteId(teacher);

        // not approved yet
        as(methodist)
                .patch()
                .uri("/api/routes/" + id + "/steps/s1")
                .bodyValue(Map.of("status", "DONE", "comment", "studied the practice"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        // bad input: nothing changes
        as(methodist)
                .patch()
                .uri("/api/routes/" + id + "/steps/s1")
                .bodyValue(Map.of("status", "OPEN"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("status", "comment"));
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of("dueDate", "2000-01-01", "stepDueDates", Map.of("s1", "2000-01-01")))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields)
                        .containsExactlyInAnyOrder("tutorId", "dueDate", "stepDueDates.s1"));
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of(
                        "tutorId",
                        "t",
                        "stepDueDates",
                        Map.of("s9", RouteEvents.today().toString())))
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(JsonPath.<String>read(route(id), "$.status")).isEqualTo("SUGGESTED");

        LocalDate stepDue = RouteEvents.today().plusDays(10);
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of("tutorId", "tutor-3", "stepDueDates", Map.of("s1", stepDue.toString())))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.nextDueDate")
                .isEqualTo(stepDue.toString());
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/approve")
                .bodyValue(Map.of("tutorId", "tutor-3"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        as(methodist)
                .patch()
                .uri("/api/routes/" + id + "/steps/s1")
                .bodyValue(Map.of("status", "DONE", "comment", "studied the practice"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("IN_PROGRESS")
                .jsonPath("$.steps[0].completedBy")
                .isEqualTo("MANUAL")
                .jsonPath("$.steps[0].comment")
                .isEqualTo("studied the practice");
        as(methodist)
                .patch()
                .uri("/api/routes/" + id + "/steps/s7")
                .bodyValue(Map.of("status", "DONE", "comment", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();

        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/cancel")
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(methodist)
                .post()
                .uri("/api/routes/" + id + "/cancel")
                .bodyValue(Map.of("reason", "moved to another region"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        routesTopic.await(
                e -> e.data() instanceof RouteCancelled c
                        && c.routeId().equals(id)
                        && c.reason().equals("moved to another region"),
                1,
                WAIT);
        routesTopic.await(
                e -> e.data() instanceof RouteStepCompleted s
                        && s.routeId().equals(id)
                        && s.completedBy().equals("MANUAL"),
                1,
                WAIT);

        // a cancelled route is closed: the next diagnosis opens route number 2
        events.send(events.diagnosis(teacher, partial("INCLUSIVE")));
        await().atMost(WAIT)
                .untilAsserted(() -> http.get()
                        .uri("/api/routes?teacherId=" + teacher + "&status=SUGGESTED")
                        .exchange()
                        .expectBody()
                        .jsonPath("$[0].id")
                        .isEqualTo("rt-" + teacher + "-2"));
    }

    @Test
    void aDepartedTeachersOpenRouteIsCancelledAndAMentorshipCompletesTheMentorStep() {
        String teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("ASSESSMENT")));
        String id = awaitRouteId(teacher);

        events.departed(teacher);
        await().atMost(WAIT).untilAsserted(() -> {
            String body = route(id);
            assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("CANCELLED");
            assertThat(JsonPath.<String>read(body, "$.cancelReason")).isEqualTo("педагог выбыл из организации");
        });
        routesTopic.await(
                e -> e.data() instanceof RouteCancelled c && c.routeId().equals(id), 1, WAIT);

        String young = RouteEvents.id("tch");
        String mentor = RouteEvents.id("tch");
        LocalDate today = RouteEvents.today();
        events.teacher(
                mentor,
                events.school,
                RouteEvents.teacherFacts(
                        events.school,
                        "TEACHER",
                        List.of("CHEMISTRY"),
                        today.minusYears(50),
                        today.minusYears(25),
                        java.util.Set.of(ru.msp.contracts.TargetGroup.MENTOR)));
        events.teacher(
                young,
                events.school,
                RouteEvents.teacherFacts(
                        events.school,
                        "TEACHER",
                        List.of("CHEMISTRY"),
                        today.minusYears(23),
                        today.minusMonths(3),
                        java.util.Set.of()));
        await().atMost(WAIT)
                .until(() -> cards.card(young)
                                .blockOptional()
                                .map(c -> c.facts() != null)
                                .orElse(false)
                        && cards.card(mentor)
                                .blockOptional()
                                .map(c -> c.facts() != null)
                                .orElse(false));
        events.send(events.diagnosis(young, partial("ASSESSMENT")));
        String youngRoute = awaitRouteId(young);
        assertThat(JsonPath.<List<String>>read(route(youngRoute), "$.steps[?(@.offerKind == 'MENTOR')].offerId"))
                .containsExactly(mentor);

        events.mentorship(RouteEvents.id("mnt"), mentor, young);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<List<String>>read(
                                route(youngRoute), "$.steps[?(@.offerKind == 'MENTOR')].completedBy"))
                        .containsExactly("MENTORSHIP"));
    }

    @Test
    void aStepWhoseActivityIsCancelledGetsTheNextBestOfferThenSelfStudy() {
        String soon = events.publish(facts("SEMINAR", "ASSESSMENT", 3, 20, false));
        String later = events.publish(facts("WORKSHOP", "ASSESSMENT", 40, 20, false));
        awaitOffers(2);
        String teacher = RouteEvents.id("tch");
        events.send(events.diagnosis(teacher, partial("ASSESSMENT")));
        String id = awaitRouteId(teacher);
        assertThat(JsonPath.<String>read(route(id), "$.steps[0].offerId")).isEqualTo(soon);

        events.cancel(soon);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<String>read(route(id), "$.steps[0].offerId"))
                        .isEqualTo(later));
        assertThat(JsonPath.<String>read(route(id), "$.steps[0].why"))
                .startsWith("replaces cancelled activity " + soon);

        events.cancel(later);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(JsonPath.<String>read(route(id), "$.steps[0].offerKind"))
                        .isEqualTo("SELF_STUDY"));
        assertThat(JsonPath.<List<String>>read(route(id), "$.steps[*].stepId")).containsExactly("s1");
        routesTopic.await(
                e -> e.data() instanceof ru.msp.contracts.routes.UnmetNeedRecorded u
                        && u.routeId().equals(id),
                1,
                WAIT);
        assertThat(routesTopic.await(
                        e -> e.data() instanceof ru.msp.contracts.routes.RouteSuggested r
                                && r.routeId().equals(id),
                        3,
                        WAIT))
                .hasSize(3);
    }

    @Test
    void stalledRoutesAreFlaggedAndListable() {
        String teacher = RouteEvents.id("tch");
        LocalDate past = RouteEvents.today().minusDays(5);
        Measurement measurement = new Measurement(
                "res-" + teacher,
                past.minusDays(60),
                Instant.now().minus(Duration.ofDays(65)),
                List.of(new Measurement.Level("ASSESSMENT", 40.0, CompetencyLevel.BELOW_BASIC)));
        Step overdue = new Step(
                "s1",
                "ASSESSMENT",
                DeficitSeverity.PRONOUNCED,
                "SELF_STUDY",
                null,
                List.of(),
                "NO_OFFER_SELF_STUDY",
                "fw",
                past,
                0,
                "why",
                measurement.resultId(),
                Step.OPEN,
                null,
                null,
                null);
        Route stalled = new Route(
                Route.idOf(teacher, 1),
                events.region,
                events.municipality,
                events.school,
                teacher,
                1,
                Route.APPROVED,
                true,
                "fw",
                measurement.resultId(),
                List.of(measurement.resultId()),
                List.of(new RouteDeficit("ASSESSMENT", DeficitSeverity.PRONOUNCED, measurement.resultId(), null)),
                List.of(overdue),
                List.of(measurement),
                "tutor",
                past,
                past,
                "m",
                Instant.now(),
                null,
                null,
                Instant.now(),
                Instant.now(),
                0,
                List.of());
        mongo.insert(TenantScope.system("test"), stalled).block();
        String fresh = RouteEvents.id("tch");
        events.send(events.diagnosis(fresh, partial("ASSESSMENT")));
        awaitRouteId(fresh);

        as(methodist)
                .get()
                .uri("/api/routes?stalled=true&municipalityId=" + events.municipality)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(stalled.id())
                .jsonPath("$[0].stalled")
                .isEqualTo(true)
                .jsonPath("$[0].steps[0].overdue")
                .isEqualTo(true);
        as(methodist)
                .get()
                .uri("/api/routes?municipalityId=" + events.municipality)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
        as(methodist)
                .get()
                .uri("/api/routes?status=FINISHED&size=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder("status", "size"));
    }

    private WebTestClient as(String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, token).build();
    }

    private String route(String id) {
        return http.get()
                .uri("/api/routes/" + id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private String awaitRouteId(String teacher) {
        await().atMost(WAIT)
                .untilAsserted(() -> http.get()
                        .uri("/api/routes?teacherId=" + teacher)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.length()")
                        .isEqualTo(1));
        return "rt-" + teacher + "-1";
    }

    private void awaitOffers(int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> http.get()
                        .uri("/api/routes/offers?municipalityId=" + events.municipality)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.length()")
                        .isEqualTo(count));
    }
}
