package ru.msp.diagnostics.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.diagnostics.CampaignFixtures;
import ru.msp.diagnostics.Place;
import ru.msp.diagnostics.TeacherFeed;
import ru.msp.diagnostics.teacher.KnownTeacher;
import ru.msp.diagnostics.teacher.TeacherDirectory;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ResultApiTest {

    static final List<String> MEASURED =
            List.of("ASSESSMENT", "READING_LITERACY", "DIGITAL_TEACHING", "UPBRINGING", "STAFF_DEVELOPMENT");

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    Place place;
    TeacherFeed feed;
    String campaign;
    String teacher;

    @BeforeEach
    void aTeacherAndAMunicipalCampaign() {
        // the build machine is shared: a slow answer is not a wrong one
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        place = Place.fresh();
        feed = new TeacherFeed(kafka, directory);
        teacher = feed.register(place.scope(), "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER, TargetGroup.GIFTED));
        campaign = CampaignFixtures.open(
                http, place.municipalOperator(), CampaignFixtures.municipal(MEASURED.toArray(String[]::new)));
    }

    static Map<String, Object> result(
            String campaign, String teacher, String source, List<Map<String, Object>> scores) {
        return Map.of(
                "campaignId", campaign,
                "teacherId", teacher,
                "sourceKind", source,
                "diagnosedOn", "2025-10-15",
                "scores", scores);
    }

    static Map<String, Object> percent(String code, String value) {
        return Map.of("competencyCode", code, "percent", new BigDecimal(value));
    }

    static Map<String, Object> score(String code, String value) {
        return Map.of("competencyCode", code, "score", new BigDecimal(value));
    }

    WebTestClient.ResponseSpec post(String bearer, Map<String, Object> body) {
        return http.post()
                .uri("/api/diagnostics/results")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange();
    }

    @Test
    void theR201EdgesGiveTheirLevelsAndDeficitsAndDiagnosticCompletedCarriesThemOnceDespiteARepost() {
        Map<String, Object> body = result(
                campaign,
                teacher,
                "INSTRUMENT",
                List.of(
                        percent("ASSESSMENT", "59.9"),
                        percent("READING_LITERACY", "60"),
                        percent("DIGITAL_TEACHING", "80"),
                        percent("UPBRINGING", "80.1")));
        // the idempotency key is the result's id
        String resultId = DiagnosticResult.keyOf(campaign, teacher, "INSTRUMENT");
        try (EventProbe probe = new EventProbe("diagnostics.v1")) {
            post(place.schoolSystem(), body)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.competencies[0].level")
                    .isEqualTo("BELOW_BASIC")
                    .jsonPath("$.competencies[0].deficit")
                    .isEqualTo("PRONOUNCED")
                    .jsonPath("$.competencies[1].level")
                    .isEqualTo("BASIC")
                    .jsonPath("$.competencies[1].deficit")
                    .isEqualTo("PARTIAL")
                    .jsonPath("$.competencies[2].level")
                    .isEqualTo("BASIC")
                    .jsonPath("$.competencies[3].level")
                    .isEqualTo("ADVANCED")
                    .jsonPath("$.competencies[3].deficit")
                    .doesNotExist()
                    .jsonPath("$.deficits.length()")
                    .isEqualTo(3)
                    .jsonPath("$.resultId")
                    .isEqualTo(resultId);

            // the same scores again: the stored result, no new event
            post(place.schoolSystem(), body)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.resultId")
                    .isEqualTo(resultId);

            var events = probe.await(
                    e -> e.type() == EventCatalog.DIAGNOSTIC_COMPLETED
                            && e.subject().equals(teacher),
                    1,
                    Duration.ofSeconds(20));
            BigDecimal hundred = new BigDecimal("100");
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.scope().organizationId()).isEqualTo(place.school());
                assertThat(e.scope().municipalityId()).isEqualTo(place.municipality());
                DiagnosticCompleted completed = (DiagnosticCompleted) e.data();
                assertThat(completed.resultId()).isEqualTo(resultId);
                assertThat(completed.campaignId()).isEqualTo(campaign);
                assertThat(completed.campaignLevel()).isEqualTo("MUNICIPAL");
                assertThat(completed.sourceKind()).isEqualTo("INSTRUMENT");
                assertThat(completed.frameworkVersion()).isEqualTo("2025.1");
                assertThat(completed.period()).isEqualTo("2025/2026");
                assertThat(completed.diagnosedOn()).isEqualTo(LocalDate.of(2025, 10, 15));
                assertThat(completed.position()).isEqualTo("TEACHER");
                assertThat(completed.targetGroups())
                        .containsExactlyInAnyOrder(TargetGroup.YOUNG_TEACHER, TargetGroup.GIFTED);
                assertThat(completed.competencies())
                        .extracting(CompetencyResult::competencyCode, CompetencyResult::level)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ASSESSMENT", CompetencyLevel.BELOW_BASIC),
                                org.assertj.core.groups.Tuple.tuple("READING_LITERACY", CompetencyLevel.BASIC),
                                org.assertj.core.groups.Tuple.tuple("DIGITAL_TEACHING", CompetencyLevel.BASIC),
                                org.assertj.core.groups.Tuple.tuple("UPBRINGING", CompetencyLevel.ADVANCED));
                assertThat(completed.competencies())
                        .allSatisfy(c -> assertThat(c.maxScore()).isEqualByComparingTo(hundred));
                assertThat(completed.deficits())
                        .containsExactly(
                                new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED),
                                new Deficit("READING_LITERACY", DeficitSeverity.PARTIAL),
                                new Deficit("DIGITAL_TEACHING", DeficitSeverity.PARTIAL));
            });
            // still exactly one after the outbox has had time to send a second one, had there been one
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.DIAGNOSTIC_COMPLETED
                                    && e.subject().equals(teacher),
                            Duration.ofSeconds(2)))
                    .hasSize(1);
        }
    }

    @Test
    void differentScoresForTheSameCampaignTeacherAndSourceAre409ButAnotherSourceIsKeptBeside() {
        post(place.schoolSystem(), result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isCreated();

        post(place.schoolSystem(), result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "71"))))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType("application/problem+json");
        // 70 and 70.0 are the same score
        post(place.schoolSystem(), result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "70.0"))))
                .expectStatus()
                .isOk();
        post(place.municipalOperator(), result(campaign, teacher, "EXPERT", List.of(score("ASSESSMENT", "90"))))
                .expectStatus()
                .isCreated();
        post(
                        TestTokens.role("TEACHER")
                                .region(place.region())
                                .municipality(place.municipality())
                                .teacher(teacher)
                                .bearer(),
                        result(campaign, teacher, "SELF_ASSESSMENT", List.of(score("ASSESSMENT", "95"))))
                .expectStatus()
                .isCreated();

        http.get()
                .uri("/api/diagnostics/results?teacherId={t}", teacher)
                .header(HttpHeaders.AUTHORIZATION, place.municipalOperator())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[?(@.sourceKind == 'INSTRUMENT')].competencies[0].score")
                .isEqualTo(70)
                .jsonPath("$[?(@.sourceKind == 'EXPERT')].competencies[0].level")
                .isEqualTo("ADVANCED")
                .jsonPath("$[?(@.sourceKind == 'SELF_ASSESSMENT')].competencies[0].level")
                .isEqualTo("HIGH");
    }

    @Test
    void aTeacherFilesOnlyTheirOwnSelfAssessment() {
        String own = TestTokens.role("TEACHER")
                .region(place.region())
                .municipality(place.municipality())
                .teacher(teacher)
                .bearer();
        post(own, result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isForbidden();
        String colleague = feed.register(place.scope(), "TEACHER", Set.of());
        post(own, result(campaign, colleague, "SELF_ASSESSMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void eachRefusalSaysWhy() {
        String director = feed.register(place.scope(), "DIRECTOR", Set.of());
        post(place.schoolSystem(), result(campaign, "tch-nobody", "INSTRUMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("teacherId")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).startsWith("unknown teacher"));
        post(place.schoolSystem(), result("cmp-nothing", teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("campaignId");
        post(place.schoolSystem(), result(campaign, teacher, "RUMOUR", List.of()))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'sourceKind')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'scores')]")
                .exists();
        post(
                        place.schoolSystem(),
                        result(
                                campaign,
                                teacher,
                                "INSTRUMENT",
                                List.of(
                                        score("ASSESSMENT", "101"),
                                        score("SUBJECT_KNOWLEDGE", "50"),
                                        score("STAFF_DEVELOPMENT", "50"),
                                        percent("UPBRINGING", "-1"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'scores[0].score')].message")
                .value(m -> assertThat(m.toString()).contains("OUT_OF_RANGE"))
                .jsonPath("$.errors[?(@.field == 'scores[1].competencyCode')].message")
                .value(m -> assertThat(m.toString()).contains("NOT_MEASURED_BY_INSTRUMENT"))
                .jsonPath("$.errors[?(@.field == 'scores[2].competencyCode')].message")
                .value(m -> assertThat(m.toString()).contains("NOT_APPLICABLE_TO_POSITION"))
                .jsonPath("$.errors[?(@.field == 'scores[3].percent')]")
                .exists();
        // a director's teaching competencies are no deficit of theirs; management is measured
        post(place.schoolSystem(), result(campaign, director, "INSTRUMENT", List.of(score("ASSESSMENT", "30"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains("NOT_APPLICABLE_TO_POSITION"));
        post(place.schoolSystem(), result(campaign, director, "INSTRUMENT", List.of(score("STAFF_DEVELOPMENT", "30"))))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.deficits[0].competencyCode")
                .isEqualTo("STAFF_DEVELOPMENT");
        Map<String, Object> early =
                new java.util.HashMap<>(result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "70"))));
        early.put("diagnosedOn", "2025-09-01");
        post(place.schoolSystem(), early)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("diagnosedOn");
        // nothing of the above was stored for the teacher
        http.get()
                .uri("/api/diagnostics/results?teacherId={t}", teacher)
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void aDepartedTeacherIsNotDiagnosed() {
        String leaving = feed.register(place.scope(), "TEACHER", Set.of());
        feed.publish(feed.event(
                EventCatalog.TEACHER_DEPARTED,
                place.scope(),
                Instant.now(),
                new TeacherDeparted(leaving, place.school(), LocalDate.of(2025, 10, 1))));
        feed.awaitTeacher(leaving, KnownTeacher::departed);

        post(place.schoolSystem(), result(campaign, leaving, "INSTRUMENT", List.of(score("ASSESSMENT", "70"))))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains("departed on 2025-10-01"));
    }

    @Test
    void anotherMunicipalityCanNeitherFileNorSeeResults() {
        post(place.schoolSystem(), result(campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "50"))))
                .expectStatus()
                .isCreated();
        Place other = place.otherMunicipality();

        post(other.municipalOperator(), result(campaign, teacher, "EXPERT", List.of(score("ASSESSMENT", "50"))))
                .expectStatus()
                .isForbidden();
        post(
                        place.neighbourSchool().schoolSystem(),
                        result(campaign, teacher, "EXPERT", List.of(score("ASSESSMENT", "50"))))
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/api/diagnostics/results?teacherId={t}", teacher)
                .header(HttpHeaders.AUTHORIZATION, other.municipalOperator())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        http.get()
                .uri("/api/diagnostics/teachers/{t}/profile", teacher)
                .header(HttpHeaders.AUTHORIZATION, other.municipalOperator())
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/diagnostics/teachers/{t}/profile", teacher)
                .header(HttpHeaders.AUTHORIZATION, place.regionalOperator())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void theProfileShowsTheLatestLevelPerCompetencyItsSourceTheDeficitsAndTheChange() {
        Map<String, Object> autumn = result(
                campaign, teacher, "INSTRUMENT", List.of(score("ASSESSMENT", "50"), score("READING_LITERACY", "85")));
        post(place.schoolSystem(), autumn).expectStatus().isCreated();
        Map<String, Object> expert =
                new java.util.HashMap<>(result(campaign, teacher, "EXPERT", List.of(score("ASSESSMENT", "75"))));
        expert.put("diagnosedOn", "2025-12-01");
        post(place.municipalOperator(), expert).expectStatus().isCreated();

        http.get()
                .uri("/api/diagnostics/teachers/{t}/profile", teacher)
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.latest[?(@.competencyCode == 'ASSESSMENT')].level")
                .isEqualTo("BASIC")
                .jsonPath("$.latest[?(@.competencyCode == 'ASSESSMENT')].sourceKind")
                .isEqualTo("EXPERT")
                .jsonPath("$.latest[?(@.competencyCode == 'READING_LITERACY')].level")
                .isEqualTo("ADVANCED")
                .jsonPath("$.deficits.length()")
                .isEqualTo(1)
                .jsonPath("$.deficits[0].severity")
                .isEqualTo("PARTIAL")
                .jsonPath("$.history.length()")
                .isEqualTo(2)
                .jsonPath("$.changes.length()")
                .isEqualTo(1)
                .jsonPath("$.changes[0].competencyCode")
                .isEqualTo("ASSESSMENT")
                .jsonPath("$.changes[0].from.level")
                .isEqualTo("BELOW_BASIC")
                .jsonPath("$.changes[0].to.level")
                .isEqualTo("BASIC")
                .jsonPath("$.changes[0].percentChange")
                .isEqualTo(25.0)
                .jsonPath("$.changes[0].levelSteps")
                .isEqualTo(1);
    }
}
