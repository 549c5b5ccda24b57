package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.indicators.AlertRaised;
import ru.msp.contracts.indicators.IndicatorValueChanged;
import ru.msp.contracts.indicators.SnapshotFrozen;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * End to end over the real broker: teacher and diagnostic events in, values with targets and status, dashboard,
 * drill-down, series, export, snapshots, alerts and {@code indicators.v1} events out; tenancy on each.
 */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class IndicatorsFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ValuePublisher publisher;

    /** XLSX building and first class loading are slow on a busy machine: more than the default 5 s. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(WAIT).build();
    }

    @Test
    void stalledRoutesAndUndiagnosedTargetGroupsRaiseAlerts() {
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(1);
        town.send(
                ru.msp.contracts.EventCatalog.TEACHER_REGISTERED,
                town.region,
                town.municipality,
                town.school,
                new ru.msp.contracts.teacher.TeacherRegistered(
                        town.teacher(2), town.facts(java.util.Set.of(ru.msp.contracts.TargetGroup.DISABILITIES))));
        String route = "route-" + town.run;
        java.time.LocalDate yesterday =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        town.send(
                ru.msp.contracts.EventCatalog.ROUTE_APPROVED,
                town.region,
                town.municipality,
                town.school,
                new ru.msp.contracts.routes.RouteApproved(route, town.teacher(1), "tutor", yesterday));
        String own = operatorOf(town.region, town.municipality);
        // 1 teacher of the ОВЗ group, none diagnosed this year
        awaitJson(
                own,
                "/api/indicators/alerts?scope=municipality:" + town.municipality,
                Map.of("$[?(@.kind=='TARGET_GROUP_NOT_DIAGNOSED' && @.subjectId=='DISABILITIES')].open", true));
        // the route was due yesterday and is open: stalled
        await().atMost(WAIT).untilAsserted(() -> {
            publisher.stalledRoutes().block(WAIT);
            http.get()
                    .uri("/api/indicators/alerts?scope=municipality:" + town.municipality + "&open=true")
                    .header(HttpHeaders.AUTHORIZATION, own)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.kind=='ROUTES_STALLED')].subjectId")
                    .isEqualTo(route);
        });
        // completed, and the ОВЗ teacher diagnosed: both resolved
        town.send(
                ru.msp.contracts.EventCatalog.ROUTE_COMPLETED,
                town.region,
                town.municipality,
                town.school,
                new ru.msp.contracts.routes.RouteCompleted(route, town.teacher(1), yesterday));
        town.send(town.diagnosis(2));
        await().atMost(WAIT).untilAsserted(() -> {
            publisher.stalledRoutes().block(WAIT);
            http.get()
                    .uri("/api/indicators/alerts?scope=municipality:" + town.municipality + "&open=true")
                    .header(HttpHeaders.AUTHORIZATION, own)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$[?(@.kind=='ROUTES_STALLED')]")
                    .isEmpty()
                    .jsonPath("$[?(@.kind=='TARGET_GROUP_NOT_DIAGNOSED')]")
                    .isEmpty()
                    .jsonPath("$[?(@.kind=='NO_MENTORING_PAIRS')].subjectId") // the school still has no pair
                    .isEqualTo(town.school);
        });
        // another municipality's operator sees none of them
        http.get()
                .uri("/api/indicators/alerts?scope=municipality:" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, operatorOf(town.region, town.neighbour))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aDiagnosisChangesTheDiagnosedShareOfItsMunicipalityAgainstTheProgrammeTarget() {
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(4);
        DomainEvent<?> first = town.diagnosis(1);
        town.send(first);
        town.send(first); // redelivered: counted once
        town.send(town.diagnosis(2));
        String operator = operatorOf(town.region, town.municipality);

        // 2 of 4 diagnosed: 50.0 % against Korolev's 60 %: 50 < 54 (60 − 10 %) → NOT_MET
        awaitJson(
                operator,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of(
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].numerator",
                        2,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].denominator",
                        4,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value",
                        50.0,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].target",
                        60,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].status",
                        "NOT_MET",
                        "$.presetId",
                        "KOROLEV"));
        // the organisation and the region see the same population
        awaitJson(
                operator,
                "/api/indicators?scope=organization:" + town.school,
                Map.of("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].numerator", 2));
        awaitJson(
                regionalOperator(town.region),
                "/api/indicators?scope=region:" + town.region,
                Map.of(
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].denominator",
                        4,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].status",
                        "NO_TARGET"));
        // drill-down to the school, the day's point of the series
        awaitJson(
                operator,
                "/api/indicators/drilldown?scope=municipality:" + town.municipality + "&indicator=DIAGNOSED_SHARE",
                Map.of(
                        "$.organizations[0].id", town.school,
                        "$.organizations[0].value.value", 50.0,
                        "$.value.value", 50.0));
        awaitJson(
                operator,
                "/api/indicators/series?scope=municipality:" + town.municipality + "&indicator=DIAGNOSED_SHARE",
                Map.of("$.points[-1:].value", 50.0));

        // indicators.v1: the coalesced value change and the below-target alert
        try (EventProbe probe = new EventProbe("indicators.v1")) {
            probe.await(
                    e -> e.data() instanceof IndicatorValueChanged v
                            && v.scopeId().equals(town.municipality)
                            && v.indicatorCode().equals("DIAGNOSED_SHARE")
                            && v.numerator() == 2
                            && "NOT_MET".equals(v.status()),
                    1,
                    WAIT);
            probe.await(
                    e -> e.data() instanceof AlertRaised a
                            && a.municipalityId().equals(town.municipality)
                            && a.kind().equals("BELOW_TARGET")
                            && a.subjectId().equals("DIAGNOSED_SHARE"),
                    1,
                    WAIT);
            probe.await(
                    e -> e.data() instanceof AlertRaised a
                            && a.municipalityId().equals(town.municipality)
                            && a.kind().equals("NO_MENTORING_PAIRS")
                            && a.subjectId().equals(town.school),
                    1,
                    WAIT);
        }
        awaitJson(
                operator,
                "/api/indicators/alerts?scope=municipality:" + town.municipality + "&open=true",
                Map.of("$[?(@.kind=='BELOW_TARGET' && @.subjectId=='DIAGNOSED_SHARE')].open", true));

        // a third diagnosis: 3 / 4 = 75.0 ≥ 60 → MET, and the alert is resolved
        town.send(town.diagnosis(3));
        awaitJson(
                operator,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of(
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value",
                        75.0,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].status",
                        "MET"));
        awaitJson(
                operator,
                "/api/indicators/alerts?scope=municipality:" + town.municipality,
                Map.of("$[?(@.kind=='BELOW_TARGET' && @.subjectId=='DIAGNOSED_SHARE')].open", false));

        // the gauge of the municipality's programme indicator and the event-to-indicator timer
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = new String(
                    http.get()
                            .uri("/actuator/prometheus")
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .returnResult()
                            .getResponseBody(),
                    StandardCharsets.UTF_8);
            assertThat(metrics)
                    .contains("msp_indicator_value{")
                    .contains("indicator=\"DIAGNOSED_SHARE\"")
                    .contains("municipality=\"" + town.municipality + "\"")
                    .contains("msp_event_to_indicator_seconds");
        });
    }

    @Test
    void operatorsSeeOnlyTheirScope() {
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(2);
        town.send(town.diagnosis(1));
        String own = operatorOf(town.region, town.municipality);
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].numerator", 1));
        String neighbour = operatorOf(town.region, town.neighbour);
        String otherRegion = regionalOperator(town.otherRegion);
        String region = regionalOperator(town.region);
        for (String token : List.of(neighbour, otherRegion)) {
            status(token, "/api/indicators?scope=municipality:" + town.municipality, 404);
            status(token, "/api/indicators?scope=organization:" + town.school, 404);
            status(token, "/api/programs/" + town.municipality, 404);
            status(
                    token,
                    "/api/indicators/drilldown?scope=municipality:" + town.municipality + "&indicator=DIAGNOSED_SHARE",
                    404);
            status(
                    token,
                    "/api/indicators/series?scope=municipality:" + town.municipality + "&indicator=DIAGNOSED_SHARE",
                    404);
            status(token, "/api/indicators/export?format=csv&scope=municipality:" + town.municipality, 404);
            status(token, "/api/indicators/alerts?scope=municipality:" + town.municipality, 404);
        }
        status(own, "/api/indicators?scope=region:" + town.region, 404);
        status(otherRegion, "/api/indicators?scope=region:" + town.region, 404);
        status(region, "/api/indicators?scope=region:" + town.region, 200);
        status(region, "/api/indicators?scope=municipality:" + town.municipality, 200);
        // writes: 403 outside the scope
        http.put()
                .uri("/api/programs/" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, neighbour)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targets", List.of()))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.put()
                .uri("/api/programs/" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, otherRegion)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targets", List.of()))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/indicators/recompute?scope=region:" + town.region)
                .header(HttpHeaders.AUTHORIZATION, own)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/indicators/recompute?scope=region:" + town.region)
                .header(HttpHeaders.AUTHORIZATION, otherRegion)
                .exchange()
                .expectStatus()
                .isForbidden();
        http.post()
                .uri("/api/indicators/snapshots")
                .header(HttpHeaders.AUTHORIZATION, neighbour)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "municipality:" + town.municipality))
                .exchange()
                .expectStatus()
                .isNotFound();
        // the dashboard: the regional operator sees both municipalities of the region, a municipal operator its own
        awaitJson(
                region,
                "/api/indicators/dashboard?regionId=" + town.region,
                Map.of(
                        "$.municipalities.length()",
                        2,
                        "$.municipalities[?(@.municipalityId=='" + town.municipality + "')].values.length()",
                        11));
        awaitJson(
                neighbour,
                "/api/indicators/dashboard?regionId=" + town.region,
                Map.of("$.municipalities.length()", 1, "$.municipalities[0].municipalityId", town.neighbour));
        awaitJson(
                otherRegion,
                "/api/indicators/dashboard?regionId=" + town.region,
                Map.of("$.municipalities.length()", 0));
        // the recompute by the region's operator keeps the figures
        http.post()
                .uri("/api/indicators/recompute?scope=region:" + town.region)
                .header(HttpHeaders.AUTHORIZATION, region)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.teacherFacts")
                .isEqualTo(2);
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of(
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].numerator", 1,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].denominator", 2));
    }

    @Test
    void theProgrammeComesFromThePresetAndItsOperatorEditsIt() {
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(2);
        town.send(town.diagnosis(1));
        String own = operatorOf(town.region, town.municipality);
        awaitJson(
                own,
                "/api/programs/" + town.municipality,
                Map.of(
                        "$.presetId",
                        "KOROLEV",
                        "$.targets.length()",
                        11,
                        "$.targets[?(@.indicatorCode=='ROUTES_COMPLETED_SHARE')].value",
                        80,
                        "$.schoolYears[0]",
                        "2023/2024"));
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value", 50.0));
        // bad input: every field named, nothing changed
        http.put()
                .uri("/api/programs/" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, own)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "targets",
                        List.of(
                                Map.of("indicatorCode", "NO_SUCH_INDICATOR", "value", 10),
                                Map.of("indicatorCode", "DIAGNOSED_SHARE", "value", 150))))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field=='targets[0].indicatorCode')]")
                .exists()
                .jsonPath("$.errors[?(@.field=='targets[1].value')]")
                .exists();
        // a new target of 40 % for this and the next school years: 50 % is now MET
        http.put()
                .uri("/api/programs/" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, own)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "from", town.year.firstDay().toString(),
                        "to", town.year.lastDay().plusYears(1).toString(),
                        "targets", List.of(Map.of("indicatorCode", "DIAGNOSED_SHARE", "value", 40))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.targets.length()")
                .isEqualTo(1)
                .jsonPath("$.schoolYears.length()")
                .isEqualTo(2)
                .jsonPath("$.presetId")
                .isEqualTo("KOROLEV");
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of(
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].target", 40,
                        "$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].status", "MET",
                        "$.values[?(@.indicatorCode=='ROUTES_SHARE')].status", "NO_TARGET"));
        // a regional operator of the region may edit it too
        http.put()
                .uri("/api/programs/" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, regionalOperator(town.region))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("targets", List.of(Map.of("indicatorCode", "ROUTES_SHARE", "value", 25))))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void exportAndSnapshots() throws Exception {
        TownOnTheBroker town = new TownOnTheBroker(kafka).registered(4);
        town.send(town.diagnosis(1));
        String own = operatorOf(town.region, town.municipality);
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value", 25.0));

        String csv = new String(
                http.get()
                        .uri("/api/indicators/export?format=csv&scope=municipality:" + town.municipality)
                        .header(HttpHeaders.AUTHORIZATION, own)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .contentType("text/csv;charset=UTF-8")
                        .expectBody()
                        .returnResult()
                        .getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.startsWith("DIAGNOSED_SHARE,")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains(",1,4,25.0,60,HIGHER_IS_BETTER,NOT_MET,true"));

        byte[] xlsx = http.get()
                .uri("/api/indicators/export?format=xlsx&scope=municipality:" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, own)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("Indicators");
            Row diagnosed = null;
            for (Row row : sheet) {
                if ("DIAGNOSED_SHARE".equals(row.getCell(0).getStringCellValue())) {
                    diagnosed = row;
                }
            }
            assertThat(diagnosed).isNotNull();
            assertThat(diagnosed.getCell(3).getNumericCellValue()).isEqualTo(1.0);
            assertThat(diagnosed.getCell(4).getNumericCellValue()).isEqualTo(4.0);
            assertThat(diagnosed.getCell(5).getNumericCellValue()).isEqualTo(25.0);
            assertThat(diagnosed.getCell(8).getStringCellValue()).isEqualTo("NOT_MET");
        }

        String a = freeze(own, town);
        town.send(town.diagnosis(2));
        awaitJson(
                own,
                "/api/indicators?scope=municipality:" + town.municipality,
                Map.of("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value", 50.0));
        String b = freeze(own, town);
        // frozen: the first snapshot still shows 25 %; the comparison shows +25
        http.get()
                .uri("/api/indicators/snapshots/" + a)
                .header(HttpHeaders.AUTHORIZATION, own)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.values[?(@.indicatorCode=='DIAGNOSED_SHARE')].value")
                .isEqualTo(25.0);
        http.get()
                .uri("/api/indicators/snapshots/compare?a=" + a + "&b=" + b)
                .header(HttpHeaders.AUTHORIZATION, own)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rows[?(@.indicatorCode=='DIAGNOSED_SHARE')].change")
                .isEqualTo(25.0);
        http.get()
                .uri("/api/indicators/snapshots?scope=municipality:" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, own)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2);
        // another municipality's operator can neither read nor list them
        String neighbour = operatorOf(town.region, town.neighbour);
        status(neighbour, "/api/indicators/snapshots/" + a, 404);
        http.get()
                .uri("/api/indicators/snapshots?scope=municipality:" + town.municipality)
                .header(HttpHeaders.AUTHORIZATION, neighbour)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        try (EventProbe probe = new EventProbe("indicators.v1")) {
            probe.await(
                    e -> e.data() instanceof SnapshotFrozen s && s.snapshotId().equals(b), 1, WAIT);
        }
    }

    private String freeze(String token, TownOnTheBroker town) {
        return http.post()
                .uri("/api/indicators/snapshots")
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("scope", "municipality:" + town.municipality, "period", town.year.toString()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    private void status(String token, String uri, int status) {
        http.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private void awaitJson(String token, String uri, Map<String, Object> expected) {
        await().atMost(WAIT).untilAsserted(() -> {
            var body = http.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody();
            expected.forEach((path, value) -> body.jsonPath(path).isEqualTo(value));
        });
    }

    static String operatorOf(String region, String municipality) {
        return TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
    }

    static String regionalOperator(String region) {
        return TestTokens.role("REGIONAL_OPERATOR").region(region).bearer();
    }
}
