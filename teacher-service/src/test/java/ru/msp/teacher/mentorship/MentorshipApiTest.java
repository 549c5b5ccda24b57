package ru.msp.teacher.mentorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Mentoring pairs: start, sessions, end, with their events; the validation and scope rules. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class MentorshipApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    WebTestClient http;

    String region;
    String municipality;
    String school;
    String farSchool;
    String mentor;
    String mentee;
    String director;
    String farTeacher;
    String operator;

    @BeforeEach
    void schoolsAndTeachers() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
        farSchool = fixtures.organization(fixtures.municipality(region));
        mentor = teacher(school, "Наставникова", "TEACHER", 50);
        mentee = teacher(school, "Молодая", "TEACHER", 24);
        director = teacher(school, "Директорова", "DIRECTOR", 55);
        farTeacher = teacher(farSchool, "Далёкая", "TEACHER", 26);
        operator = TestTokens.municipalOperator(region, municipality);
    }

    @Test
    void aPairStartsLogsSessionsAndEndsWithEvents() {
        String id;
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            id = start(operator, pair("TEACHER_TEACHER", mentor, mentee, TODAY.minusMonths(2), TODAY.plusMonths(10)))
                    .expectStatus()
                    .isCreated()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("id")
                    .toString();
            String started = id;
            var events = probe.await(
                    e -> e.type() == EventCatalog.MENTORSHIP_STARTED
                            && e.subject().equals(started),
                    1,
                    Duration.ofSeconds(20));
            assertThat(events.get(0).data())
                    .isEqualTo(new MentorshipStarted(
                            id, mentor, mentee, "TEACHER_TEACHER", TODAY.minusMonths(2), TODAY.plusMonths(10)));
            assertThat(events.get(0).scope().organizationId()).isEqualTo(school);

            post(
                            operator,
                            "/api/mentorships/" + id + "/sessions",
                            Map.of(
                                    "date",
                                    TODAY.minusMonths(1).toString(),
                                    "topic",
                                    "Подготовка к открытому уроку",
                                    "durationMinutes",
                                    45,
                                    "format",
                                    "IN_PERSON"))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.sessions.length()")
                    .isEqualTo(1)
                    .jsonPath("$.sessions[0].topic")
                    .isEqualTo("Подготовка к открытому уроку");
            post(
                            operator,
                            "/api/mentorships/" + id + "/sessions",
                            Map.of("date", TODAY.minusMonths(3).toString(), "topic", "До начала"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("date");
            start(operator, pair("TEACHER_TEACHER", mentor, mentee, TODAY, null))
                    .expectStatus()
                    .isEqualTo(409);

            post(operator, "/api/mentorships/" + id + "/end", Map.of("outcome", "COMPLETED"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("ENDED")
                    .jsonPath("$.endDate")
                    .isEqualTo(TODAY.toString());
            post(operator, "/api/mentorships/" + id + "/end", Map.of("outcome", "COMPLETED"))
                    .expectStatus()
                    .isEqualTo(409);
            var ended = probe.await(
                    e -> e.type() == EventCatalog.MENTORSHIP_ENDED
                            && e.subject().equals(started),
                    1,
                    Duration.ofSeconds(20));
            assertThat(ended.get(0).data()).isEqualTo(new MentorshipEnded(id, TODAY, "COMPLETED"));
        }
        get(operator, "/api/mentorships?menteeId=" + mentee)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(id);
        String menteeToken = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .teacher(mentee)
                .bearer();
        get(menteeToken, "/api/mentorships/" + id).expectStatus().isOk();
        post(menteeToken, "/api/mentorships/" + id + "/sessions", Map.of("date", TODAY.toString(), "topic", "Сама"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aMentorCannotMentorThemselfAndOtherRulesAreProblems() {
        start(operator, pair("TEACHER_TEACHER", mentor, mentor, TODAY, null))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("menteeId")
                .jsonPath("$.errors[0].message")
                .isEqualTo("a mentor cannot mentor themself");
        start(operator, pair("TEACHER_TEACHER", "tch-nowhere", "tch-nobody", TODAY, null))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
        start(operator, pair("MANAGER_TEACHER", mentor, mentee, TODAY, null))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("mentorId");
        start(operator, pair("MANAGER_TEACHER", director, mentee, TODAY, null))
                .expectStatus()
                .isCreated();
        start(operator, pair("TEACHER_TEACHER", mentor, mentee, TODAY.plusDays(1), TODAY))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='startDate')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='plannedEndDate')]")
                .exists();
        Map<String, Object> schools = new HashMap<>();
        schools.put("form", "SCHOOL_SCHOOL");
        schools.put("mentorOrganizationId", school);
        schools.put("menteeOrganizationId", school);
        schools.put("startDate", TODAY.toString());
        start(TestTokens.admin(), schools)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("menteeOrganizationId");
        schools.put("menteeOrganizationId", farSchool);
        start(TestTokens.admin(), schools)
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.organizationId")
                .isEqualTo(farSchool)
                .jsonPath("$.mentorId")
                .isEqualTo(school);
    }

    @Test
    void teachersOutOfScopeAreRefusedAndOthersSeeNothing() {
        start(operator, pair("TEACHER_TEACHER", mentor, farTeacher, TODAY, null))
                .expectStatus()
                .isForbidden();
        String id = start(operator, pair("TEACHER_TEACHER", mentor, mentee, TODAY, null))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        String stranger = TestTokens.municipalOperator(region, "mun-other");
        get(stranger, "/api/mentorships/" + id).expectStatus().isNotFound();
        get(stranger, "/api/mentorships").expectBody().jsonPath("$.length()").isEqualTo(0);
        post(stranger, "/api/mentorships/" + id + "/end", Map.of("outcome", "TERMINATED"))
                .expectStatus()
                .isNotFound();
        String schoolSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .bearer();
        get(schoolSystem, "/api/mentorships?organizationId=" + school)
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(id);
        String teacherToken = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .teacher(mentee)
                .bearer();
        start(teacherToken, pair("TEACHER_TEACHER", mentor, director, TODAY, null))
                .expectStatus()
                .isForbidden();
    }

    private static Map<String, Object> pair(
            String form, String mentorId, String menteeId, LocalDate start, LocalDate plannedEnd) {
        Map<String, Object> body = new HashMap<>();
        body.put("form", form);
        body.put("mentorId", mentorId);
        body.put("menteeId", menteeId);
        body.put("startDate", start.toString());
        if (plannedEnd != null) {
            body.put("plannedEndDate", plannedEnd.toString());
        }
        return body;
    }

    private String teacher(String organizationId, String lastName, String position, int age) {
        return new RegistryFixtures(http)
                .teacher(organizationId, lastName, position, TODAY.minusYears(age), TODAY.minusYears(age - 22));
    }

    private WebTestClient.ResponseSpec start(String token, Map<String, Object> body) {
        return post(token, "/api/mentorships", body);
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Map<String, ?> body) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }
}
