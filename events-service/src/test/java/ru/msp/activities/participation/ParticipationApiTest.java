package ru.msp.activities.participation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Attendance from school systems in bulk, course completions, competition results; events on the real broker. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class ParticipationApiTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    @Autowired
    MeterRegistry meters;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String operator;
    String school;

    @BeforeEach
    void setUp() {
        feed = new TeacherFeed(kafka, directory);
        operator = TestTokens.role("METHODIST")
                .region(region)
                .municipality(municipality)
                .bearer();
        school = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization("org-41")
                .bearer();
    }

    @Test
    void aBulkSheetAppliesGoodRowsRejectsEachBadOneAndARepostChangesNothing() {
        String activity = activity(Drafts.seminar(region, municipality, 30));
        String a = feed.teacher(region, municipality, "org-41");
        String b = feed.teacher(region, municipality, "org-41");
        String otherSchool = feed.teacher(region, municipality, "org-52");
        String unknown = "t-unknown-" + UUID.randomUUID();
        List<Map<String, Object>> sheet = List.of(
                row(a, true, DAY),
                row(b, false, DAY),
                row(unknown, true, DAY),
                row(otherSchool, true, DAY),
                row(a, true, null),
                row(a, true, DAY.plusYears(1)),
                row(a, true, DAY));
        double rejectedBefore = rows("rejected");
        double recordedBefore = rows("recorded");
        try (EventProbe probe = new EventProbe("activities.v1")) {
            attendance(activity, sheet, school)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.received")
                    .isEqualTo(7)
                    .jsonPath("$.recorded")
                    .isEqualTo(2)
                    .jsonPath("$.rejected.length()")
                    .isEqualTo(5)
                    .jsonPath("$.rejected[0].row")
                    .isEqualTo(2)
                    .jsonPath("$.rejected[0].reason")
                    .isEqualTo("unknown teacher")
                    .jsonPath("$.rejected[1].teacherId")
                    .isEqualTo(otherSchool)
                    .jsonPath("$.rejected[1].reason")
                    .isEqualTo("the teacher is outside your organisation or territory")
                    .jsonPath("$.rejected[2].reason")
                    .isEqualTo("date is required")
                    .jsonPath("$.rejected[3].reason")
                    .isEqualTo("date is outside the activity's dates")
                    .jsonPath("$.rejected[4].reason")
                    .isEqualTo("the same teacher and date appear earlier in this post");

            assertThat(rows("rejected") - rejectedBefore).isEqualTo(5.0);
            assertThat(rows("recorded") - recordedBefore).isEqualTo(2.0);
            attendance(activity, sheet, school)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.recorded")
                    .isEqualTo(0)
                    .jsonPath("$.unchanged")
                    .isEqualTo(2)
                    .jsonPath("$.rejected.length()")
                    .isEqualTo(5);

            // a correction: b did attend after all
            attendance(activity, List.of(row(b, true, DAY)), school)
                    .expectBody()
                    .jsonPath("$.updated")
                    .isEqualTo(1);

            var events = probe.await(
                    e -> e.type() == EventCatalog.ATTENDANCE_RECORDED
                            && ((AttendanceRecorded) e.data()).activityId().equals(activity),
                    3,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(e -> (AttendanceRecorded) e.data())
                    .extracting(r -> r.teacherId() + ":" + r.attended())
                    .containsExactlyInAnyOrder(a + ":true", b + ":false", b + ":true");
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.ATTENDANCE_RECORDED
                                    && ((AttendanceRecorded) e.data())
                                            .activityId()
                                            .equals(activity),
                            Duration.ofSeconds(1)))
                    .hasSize(3);
        }
        http.get()
                .uri("/api/activities/" + activity + "/attendance")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
    }

    @Test
    void anotherMunicipalityCannotPostOrReadAttendance() {
        String activity = activity(Drafts.seminar(region, municipality, 30));
        String a = feed.teacher(region, municipality, "org-41");
        String other = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        attendance(activity, List.of(row(a, true, DAY)), other).expectStatus().isForbidden();
        http.get()
                .uri("/api/activities/" + activity + "/attendance")
                .header(HttpHeaders.AUTHORIZATION, other)
                .exchange()
                .expectStatus()
                .isNotFound();
        String teacher = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .teacher(a)
                .bearer();
        attendance(activity, List.of(row(a, true, DAY)), teacher).expectStatus().isForbidden();
        attendance(activity, List.of(row(a, true, DAY)), operator)
                .expectBody()
                .jsonPath("$.recorded")
                .isEqualTo(1);

        String course = activity(Drafts.course(region, municipality, false));
        String competition = activity(Drafts.competition(region, municipality));
        post(course, "completions", Map.of("teacherId", a, "completedOn", "2026-03-12"), other)
                .expectStatus()
                .isForbidden();
        post(competition, "results", Map.of("teacherId", a, "outcome", "WINNER", "stageLevel", "MUNICIPAL"), other)
                .expectStatus()
                .isForbidden();
        for (String what : new String[] {"completions", "results"}) {
            http.get()
                    .uri("/api/activities/" + (what.equals("results") ? competition : course) + "/" + what)
                    .header(HttpHeaders.AUTHORIZATION, operator)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.length()")
                    .isEqualTo(0);
        }
    }

    @Test
    void aCourseCertificateIsACompletionCarryingTheRegistryFlag() {
        String course = activity(Drafts.course(region, municipality, true));
        String a = feed.teacher(region, municipality, "org-41");
        Map<String, Object> certificate = Map.of("teacherId", a, "completedOn", "2026-03-12");
        try (EventProbe probe = new EventProbe("activities.v1")) {
            post(course, "completions", certificate, school)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.hours")
                    .isEqualTo(72)
                    .jsonPath("$.remote")
                    .isEqualTo(true);
            post(course, "completions", certificate, school)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.result")
                    .isEqualTo("UNCHANGED");
            var events = probe.await(
                    e -> e.type() == EventCatalog.COURSE_COMPLETED
                            && e.subject().equals(a),
                    1,
                    Duration.ofSeconds(60));
            CourseCompleted done = (CourseCompleted) events.get(0).data();
            assertThat(done.federalRegistry()).isTrue();
            assertThat(done.hours()).isEqualByComparingTo("72");
            assertThat(done.remote()).isTrue();
            assertThat(done.completedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
            assertThat(events.get(0).scope().organizationId()).isEqualTo("org-41");
        }
        String seminar = activity(Drafts.seminar(region, municipality, 30));
        post(seminar, "completions", certificate, school).expectStatus().isEqualTo(409);
        post(course, "completions", Map.of("teacherId", a), school)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("completedOn");
    }

    @Test
    void competitionResultsAreRecordedPerStage() {
        String competition = activity(Drafts.competition(region, municipality));
        String a = feed.teacher(region, municipality, "org-41");
        try (EventProbe probe = new EventProbe("activities.v1")) {
            post(
                            competition,
                            "results",
                            Map.of("teacherId", a, "outcome", "WINNER", "stageLevel", "MUNICIPAL"),
                            operator)
                    .expectStatus()
                    .isCreated();
            post(
                            competition,
                            "results",
                            Map.of("teacherId", a, "outcome", "LAUREATE", "stageLevel", "REGIONAL"),
                            operator)
                    .expectStatus()
                    .isCreated();
            post(competition, "results", Map.of("teacherId", a, "outcome", "WINNER", "stageLevel", "FEDERAL"), operator)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("stageLevel");
            post(
                            competition,
                            "results",
                            Map.of("teacherId", a, "outcome", "CHAMPION", "stageLevel", "REGIONAL"),
                            operator)
                    .expectStatus()
                    .isBadRequest();
            var events = probe.await(
                    e -> e.type() == EventCatalog.COMPETITION_RESULT_RECORDED
                            && e.subject().equals(a),
                    2,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(e -> (CompetitionResultRecorded) e.data())
                    .extracting(r -> r.outcome() + "@" + r.stageLevel())
                    .containsExactly("WINNER@MUNICIPAL", "LAUREATE@REGIONAL");
        }
        http.get()
                .uri("/api/activities/" + competition + "/results")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
    }

    private double rows(String outcome) {
        var counter =
                meters.find("msp_attendance_rows_total").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String activity(ActivityDraft draft) {
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

    private WebTestClient.ResponseSpec attendance(String activity, List<Map<String, Object>> rows, String token) {
        return post(activity, "attendance", new ArrayList<>(rows), token);
    }

    private WebTestClient.ResponseSpec post(String activity, String what, Object body, String token) {
        return http.post()
                .uri("/api/activities/" + activity + "/" + what)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    private static Map<String, Object> row(String teacher, boolean attended, LocalDate date) {
        Map<String, Object> row = new HashMap<>();
        row.put("teacherId", teacher);
        row.put("attended", attended);
        row.put("date", date == null ? null : date.toString());
        return row;
    }
}
