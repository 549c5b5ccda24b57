package ru.msp.activities.informing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.activities.TeacherFeed;
import ru.msp.activities.activity.ActivityDraft;
import ru.msp.activities.activity.ActivityView;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Publishing informs the activity's audience from the teacher read model, once per teacher. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class InformingTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String operator;
    String youngTeacher;
    String otherSchoolTeacher;
    String youngDirector;
    String neighbour;

    @BeforeEach
    void audience() {
        feed = new TeacherFeed(kafka, directory);
        operator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
        youngTeacher = feed.teacher(region, municipality, "org-1", "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER));
        otherSchoolTeacher = feed.teacher(region, municipality, "org-2", "TEACHER", Set.of());
        youngDirector = feed.teacher(region, municipality, "org-1", "DIRECTOR", Set.of(TargetGroup.YOUNG_TEACHER));
        neighbour = feed.teacher(region, "mun-" + UUID.randomUUID(), "org-9", "TEACHER", Set.of());
        String departed = feed.teacher(region, municipality, "org-1", "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER));
        feed.send(
                EventCatalog.TEACHER_DEPARTED,
                new EventScope(region, municipality, "org-1"),
                Instant.now().plusSeconds(1),
                new TeacherDeparted(departed, "org-1", LocalDate.now()));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        directory.byId(departed).map(AudienceMember::departed).block());
    }

    @Test
    void aMunicipalActivityInformsTheNamedPositionsAndGroupsOfTheMunicipalityOnce() {
        ActivityDraft draft = Drafts.seminar(
                region,
                municipality,
                "MUNICIPAL",
                "org-imk",
                30,
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of("TEACHER"),
                true);
        try (EventProbe probe = new EventProbe("activities.v1")) {
            String activity = create(draft);
            awaitInformed(activity, 1);
            informed(activity, operator).jsonPath("$.teacherIds").isEqualTo(List.of(youngTeacher));
            var events = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_INFORMED
                            && ((TeacherInformed) e.data()).activityId().equals(activity),
                    1,
                    Duration.ofSeconds(60));
            assertThat(events.get(0).subject()).isEqualTo(youngTeacher);
            assertThat(events.get(0).scope().organizationId()).isEqualTo("org-1");

            // widening the audience informs the newcomers only
            ActivityDraft wider =
                    Drafts.seminar(region, municipality, "MUNICIPAL", "org-imk", 30, Set.of(), List.of(), true);
            http.put()
                    .uri("/api/activities/" + activity)
                    .header(HttpHeaders.AUTHORIZATION, operator)
                    .bodyValue(wider)
                    .exchange()
                    .expectStatus()
                    .isOk();
            awaitInformed(activity, 3);
            informed(activity, operator)
                    .jsonPath("$.teacherIds.length()")
                    .isEqualTo(3)
                    .jsonPath("$.teacherIds[?(@=='" + neighbour + "')]")
                    .doesNotExist();
            List<?> all = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_INFORMED
                            && ((TeacherInformed) e.data()).activityId().equals(activity),
                    3,
                    Duration.ofSeconds(60));
            assertThat(all).hasSize(3);
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.TEACHER_INFORMED
                                    && ((TeacherInformed) e.data()).activityId().equals(activity),
                            Duration.ofSeconds(2)))
                    .extracting(e -> e.subject())
                    .containsExactlyInAnyOrder(youngTeacher, otherSchoolTeacher, youngDirector);
        }
    }

    @Test
    void levelsSetTheTerritoryAndDraftsInformNobodyUntilPublished() {
        String regional =
                create(Drafts.seminar(region, municipality, "REGIONAL", "org-ripk", null, Set.of(), List.of(), true));
        awaitInformed(regional, 4);
        informed(regional, operator)
                .jsonPath("$.teacherIds[?(@=='" + neighbour + "')]")
                .exists();

        String school =
                create(Drafts.seminar(region, municipality, "SCHOOL", "org-2", null, Set.of(), List.of(), false));
        informed(school, operator).jsonPath("$.count").isEqualTo(0);
        http.post()
                .uri("/api/activities/" + school + "/publish")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectStatus()
                .isOk();
        awaitInformed(school, 1);
        informed(school, operator).jsonPath("$.teacherIds[0]").isEqualTo(otherSchoolTeacher);
    }

    @Test
    void aTeacherSeesOnlyThemselvesAndAnotherMunicipalitySeesNothing() {
        String activity = create(Drafts.seminar(region, municipality, 30));
        awaitInformed(activity, 3);
        String teacher = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .teacher(youngTeacher)
                .bearer();
        informed(activity, teacher)
                .jsonPath("$.count")
                .isEqualTo(3)
                .jsonPath("$.teacherIds")
                .isEqualTo(List.of(youngTeacher));
        String other = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        http.get()
                .uri("/api/activities/" + activity + "/informed")
                .header(HttpHeaders.AUTHORIZATION, other)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aTeacherWhoArrivesAfterPublicationIsInformedOfWhatIsStillAhead() {
        Instant ahead = Instant.now().plus(Duration.ofDays(30));
        ActivityDraft upcoming = new ActivityDraft(
                region,
                municipality,
                "org-imk",
                "Педагогическая мастерская «Точка роста»",
                ru.msp.activities.activity.ActivityKind.WORKSHOP,
                "MUNICIPAL",
                List.of("DIGITAL"),
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of(),
                "IN_PERSON",
                "МБОУ СОШ № 9",
                null,
                ahead,
                ahead.plus(Duration.ofHours(2)),
                null,
                null,
                true,
                null);
        String future = create(upcoming);
        String past = create(Drafts.seminar(
                region,
                municipality,
                "MUNICIPAL",
                "org-imk",
                null,
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of(),
                true));
        awaitInformed(future, 2); // youngTeacher and youngDirector, already known
        awaitInformed(past, 2);

        String newcomer = feed.teacher(region, municipality, "org-3", "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER));
        awaitInformed(future, 3);
        informed(future, operator)
                .jsonPath("$.teacherIds[?(@=='" + newcomer + "')]")
                .exists();
        informed(past, operator).jsonPath("$.count").isEqualTo(2); // it is over: nobody new is told about it
    }

    private String create(ActivityDraft draft) {
        return http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(draft)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private WebTestClient.BodyContentSpec informed(String activity, String token) {
        return http.get()
                .uri("/api/activities/" + activity + "/informed")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private void awaitInformed(String activity, int count) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> informed(activity, operator).jsonPath("$.count").isEqualTo(count));
    }
}
