package ru.msp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The chain that defines the product, on the running platform through the gateway, each step as the people and
 * systems involved would post it: a school system imports its staff, the methodical centre publishes a course,
 * the municipality runs a diagnostic campaign, a result arrives → a route is suggested within seconds → a methodist
 * approves it → attendance completes its step and the route → the municipality's indicators show every step. One
 * service is killed mid-way and restarted: nothing posted meanwhile is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MethodicalChainTest {

    static final ObjectMapper JSON = new ObjectMapper();

    RunningPlatform platform;
    Api api;
    String admin;
    String regionId;
    String municipalityId;
    String schoolId;
    String centreId;
    String school;
    String methodist;
    String operator;
    String courseId;
    String campaignId;
    String teacherA;
    String teacherB;
    String tutor;
    String routeId;

    @BeforeAll
    void start() {
        platform = RunningPlatform.shared();
        api = new Api(platform.gateway());
        admin = platform.token("--role", "ADMIN");
    }

    @Test
    @Order(1)
    void aSchoolSystemImportsItsStaffWithRussianColumnNames() {
        Api.Answer region = api.post(admin, "/api/regions", json(Map.of("code", "78", "name", "Санкт-Петербург")));
        assertThat(region.status()).as(region.raw()).isIn(201, 409);
        regionId = "reg-78";
        municipalityId = created(api.post(
                admin,
                "/api/municipalities",
                json(Map.of(
                        "regionId",
                        regionId,
                        "name",
                        "Цепочка " + System.nanoTime(),
                        "programPreset",
                        "NIZHNY_TAGIL_2024_2027"))));
        schoolId = created(api.post(
                admin,
                "/api/organizations",
                json(Map.of(
                        "municipalityId",
                        municipalityId,
                        "name",
                        "МАОУ СОШ № 1",
                        "type",
                        "GENERAL_SCHOOL",
                        "flags",
                        List.of("MENTORING_MODEL")))));
        centreId = created(api.post(
                admin,
                "/api/organizations",
                json(Map.of(
                        "municipalityId",
                        municipalityId,
                        "name",
                        "Информационно-методический центр",
                        "type",
                        "METHODICAL_CENTRE",
                        "flags",
                        List.of("RESOURCE_CENTRE")))));
        school = platform.token(
                "--role",
                "SCHOOL_SYSTEM",
                "--region",
                regionId,
                "--municipality",
                municipalityId,
                "--organization",
                schoolId);
        methodist = platform.token("--role", "METHODIST", "--region", regionId, "--municipality", municipalityId);
        operator =
                platform.token("--role", "MUNICIPAL_OPERATOR", "--region", regionId, "--municipality", municipalityId);

        String csv = "Внешний идентификатор;Фамилия;Имя;Отчество;Дата рождения;Должность;Предметы;"
                + "Педагогический стаж с;Квалификационная категория;Дата присвоения категории\n"
                + "A-1;Соколова;Ирина;Петровна;12.03.1979;Учитель;Математика;01.09.2001;Первая;15.04.2021\n"
                + "B-2;Лебедев;Павел;Андреевич;04.07.1985;Учитель;Физика;01.09.2008;Высшая;20.12.2022\n"
                + "C-3;Орлова;Мария;Ивановна;10.10.1975;Тьютор;;01.09.1998;Высшая;10.10.2020\n";
        Api.Answer imported = api.post(school, "/api/teachers/import", "text/csv", csv);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().path("accepted").asInt()).as(imported.raw()).isEqualTo(3);
        for (JsonNode row : imported.body().path("rows")) {
            switch (row.path("externalId").asText()) {
                case "A-1" -> teacherA = row.path("teacherId").asText();
                case "B-2" -> teacherB = row.path("teacherId").asText();
                default -> tutor = row.path("teacherId").asText();
            }
        }
        JsonNode listed =
                api.get(school, "/api/teachers?organizationId=" + schoolId).body();
        assertThat(listed.toString()).contains("Соколова", "Лебедев");
        Api.Answer again = api.post(school, "/api/teachers/import", "text/csv", csv);
        assertThat(again.body().path("unchanged").asInt())
                .as("re-posting the file changes nothing")
                .isEqualTo(3);
    }

    @Test
    @Order(2)
    void theCentrePublishesACourseAndTheMunicipalityOpensACampaign() {
        Instant starts = Instant.now().plus(10, ChronoUnit.MINUTES);
        courseId = created(api.post(
                methodist,
                "/api/activities",
                json(Map.ofEntries(
                        Map.entry("regionId", regionId),
                        Map.entry("municipalityId", municipalityId),
                        Map.entry("organizerId", centreId),
                        Map.entry("title", "Формирующее оценивание"),
                        Map.entry("kind", "COURSE"),
                        Map.entry("level", "MUNICIPAL"),
                        Map.entry("competencyCodes", List.of("ASSESSMENT")),
                        Map.entry("positions", List.of("TEACHER")),
                        Map.entry("format", "REMOTE"),
                        Map.entry("link", "https://imc.example.ru/course"),
                        Map.entry("startsAt", starts.toString()),
                        Map.entry("endsAt", starts.plus(2, ChronoUnit.HOURS).toString()),
                        Map.entry("capacity", 30),
                        Map.entry(
                                "course",
                                Map.of("hours", 36, "provider", "Академия Минпросвещения", "federalRegistry", true)),
                        Map.entry("publish", true)))));
        int year = LocalDate.now().getMonthValue() >= 9
                ? LocalDate.now().getYear()
                : LocalDate.now().getYear() - 1;
        campaignId = created(api.post(
                operator,
                "/api/diagnostics/campaigns",
                json(Map.of(
                        "level",
                        "MUNICIPAL",
                        "operatorName",
                        "ИМЦ",
                        "municipalityId",
                        municipalityId,
                        "schoolYear",
                        year + "/" + (year + 1),
                        "startsOn",
                        LocalDate.of(year, 9, 15).toString(),
                        "endsOn",
                        LocalDate.of(year + 1, 5, 31).toString(),
                        "instrument",
                        Map.of(
                                "code",
                                "E2E",
                                "competencies",
                                List.of(
                                        Map.of("code", "ASSESSMENT", "maxScore", 100),
                                        Map.of("code", "READING_LITERACY", "maxScore", 100))),
                        "target",
                        Map.of("positions", List.of("TEACHER"))))));
        // diagnostics-service learns teachers from teacher.v1: a school system posts results once they are known
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(operator, "/api/diagnostics/campaigns/" + campaignId + "/progress")
                                .body()
                                .path("target")
                                .asInt()
                        == 2);
    }

    @Test
    @Order(3)
    void aResultBecomesARouteWithinFiveSecondsAndCountsInIndicatorsWithinTwo() {
        // measured on a quiet platform: 'up' has just loaded the demo, whose thousands of events the consumers may
        // still be working through (that backlog is the benchmark's subject, not this latency's)
        awaitQuiet("route", 3);
        awaitQuiet("indicators", 5);
        long before = numerator("DIAGNOSED_SHARE");
        Instant posted = Instant.now();
        Api.Answer result = postResult(teacherA, 40, 95);
        assertThat(result.status()).as(result.raw()).isIn(200, 201);

        AtomicReference<JsonNode> route = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    JsonNode routes = api.get(methodist, "/api/routes?teacherId=" + teacherA)
                            .body();
                    assertThat(routes).isNotEmpty();
                    route.set(routes.get(0));
                });
        Duration toRoute = Duration.between(posted, Instant.now());
        assertThat(route.get().path("status").asText()).isEqualTo("SUGGESTED");
        assertThat(route.get().path("steps").toString()).contains("ASSESSMENT").contains(courseId);
        routeId = route.get().path("id").asText();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> numerator("DIAGNOSED_SHARE") == before + 1);
        System.out.printf(
                "e2e: result → route %d ms, → indicators %d ms%n",
                toRoute.toMillis(), Duration.between(posted, Instant.now()).toMillis());
    }

    @Test
    @Order(4)
    void approvalAttendanceAndTheLastStepCompleteTheRouteAndIndicatorsFollow() {
        Api.Answer approved = api.post(
                methodist,
                "/api/routes/" + routeId + "/approve",
                json(Map.of(
                        "tutorId",
                        tutor,
                        "dueDate",
                        LocalDate.now().plusMonths(3).toString())));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(5)).until(() -> numerator("ROUTES_SHARE") >= 1);

        JsonNode steps = approved.body().path("steps");
        Api.Answer attendance = api.post(
                school,
                "/api/activities/" + courseId + "/attendance",
                "application/json",
                json(List.of(Map.of(
                        "teacherId",
                        teacherA,
                        "attended",
                        true,
                        "date",
                        LocalDate.now().toString()))));
        assertThat(attendance.status()).as(attendance.raw()).isEqualTo(200);
        // a course step is done by the certificate (one attended session is not the course)
        Api.Answer completion = api.post(
                school,
                "/api/activities/" + courseId + "/completions",
                json(Map.of(
                        "teacherId", teacherA, "completedOn", LocalDate.now().toString())));
        assertThat(completion.status()).as(completion.raw()).isIn(200, 201);
        // any other step (e.g. self-study, a mentor) is done by hand
        for (JsonNode step : steps) {
            if (!courseId.equals(step.path("offerId").asText())) {
                Api.Answer done = api.patch(
                        methodist,
                        "/api/routes/" + routeId + "/steps/"
                                + step.path("stepId").asText(),
                        json(Map.of("status", "DONE", "comment", "самостоятельное изучение подтверждено")));
                assertThat(done.status()).as(done.raw()).isEqualTo(200);
            }
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(api.get(methodist, "/api/routes/" + routeId)
                                .body()
                                .path("status")
                                .asText())
                        .isEqualTo("COMPLETED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> numerator("ROUTES_COMPLETED_SHARE") >= 1);
    }

    @Test
    @Order(5)
    void aResultPostedWhileIndicatorsAreDownIsCountedAfterTheRestart() throws Exception {
        long before = numerator("DIAGNOSED_SHARE");
        ProcessHandle indicators = ProcessHandle.of(platform.pid("indicators")).orElseThrow();
        indicators.destroyForcibly();
        indicators.onExit().get();
        Api.Answer result = postResult(teacherB, 85, 55);
        assertThat(result.status())
                .as("diagnostics works while indicators are down: " + result.raw())
                .isIn(200, 201);
        assertThat(api.get(operator, "/api/indicators?scope=municipality:" + municipalityId)
                        .status())
                .isEqualTo(503);
        platform.up();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> numerator("DIAGNOSED_SHARE") == before + 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.get(methodist, "/api/routes?teacherId=" + teacherB)
                        .body()
                        .isEmpty());
    }

    /** Waits until the service has consumed no new event for two seconds (at most two minutes). */
    private void awaitQuiet(String service, int portOffset) {
        Api direct = new Api("http://127.0.0.1:" + (RunningPlatform.GATEWAY_PORT + portOffset));
        long[] last = {-1};
        int[] still = {0};
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long consumed = 0;
                    for (String line :
                            direct.get(null, "/actuator/prometheus").raw().split("\n")) {
                        if (line.startsWith("msp_events_consumed_total{")) {
                            consumed += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        }
                    }
                    still[0] = consumed == last[0] ? still[0] + 1 : 0;
                    last[0] = consumed;
                    return still[0] >= 2;
                });
        System.out.printf("e2e: %s quiet after %d events consumed%n", service, last[0]);
    }

    private Api.Answer postResult(String teacherId, int assessment, int reading) {
        return api.post(
                school,
                "/api/diagnostics/results",
                json(Map.of(
                        "campaignId",
                        campaignId,
                        "teacherId",
                        teacherId,
                        "sourceKind",
                        "INSTRUMENT",
                        "diagnosedOn",
                        LocalDate.now().toString(),
                        "scores",
                        List.of(
                                Map.of("competencyCode", "ASSESSMENT", "percent", assessment),
                                Map.of("competencyCode", "READING_LITERACY", "percent", reading)))));
    }

    private long numerator(String code) {
        Api.Answer answer = api.get(operator, "/api/indicators?scope=municipality:" + municipalityId);
        if (answer.status() != 200) {
            return -1;
        }
        JsonNode values =
                answer.body().isArray() ? answer.body() : answer.body().path("values");
        for (JsonNode value : values) {
            if (code.equals(value.path("indicatorCode").asText())) {
                return value.path("numerator").asLong();
            }
        }
        return 0;
    }

    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().path("id").asText();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
