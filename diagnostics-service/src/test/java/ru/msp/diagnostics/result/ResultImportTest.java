package ru.msp.diagnostics.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.diagnostics.CampaignFixtures;
import ru.msp.diagnostics.Place;
import ru.msp.diagnostics.TeacherFeed;
import ru.msp.diagnostics.teacher.TeacherDirectory;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ResultImportTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    Place place;
    TeacherFeed feed;
    String campaign;

    @BeforeEach
    void aMunicipalCampaign() {
        // the build machine is shared: a slow answer is not a wrong one
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        place = Place.fresh();
        feed = new TeacherFeed(kafka, directory);
        campaign = CampaignFixtures.open(
                http,
                place.municipalOperator(),
                CampaignFixtures.municipal("ASSESSMENT", "READING_LITERACY", "STAFF_DEVELOPMENT"));
    }

    WebTestClient.BodyContentSpec importing(String bearer, MediaType type, String body) {
        return http.post()
                .uri("/api/diagnostics/results/import")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(type)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    @Test
    void aCsvWithBadRowsAppliesTheGoodOnesReportsEveryRowAndAReimportChangesNothing() {
        String t1 = feed.register(place.scope(), "TEACHER", Set.of());
        String t2 = feed.register(place.scope(), "TEACHER", Set.of());
        String t3 = feed.register(place.scope(), "TEACHER", Set.of());
        String t4 = feed.register(place.scope(), "TEACHER", Set.of());
        String director = feed.register(place.scope(), "DIRECTOR", Set.of());
        String elsewhere = feed.register(place.otherMunicipality().scope(), "TEACHER", Set.of());
        String c = campaign;
        // BOM, ';' and a decimal comma, as spreadsheets save it
        String csv = "\uFEFFteacherId;campaignId;sourceKind;diagnosedOn;ASSESSMENT;READING_LITERACY\n"
                + t1 + ";" + c + ";INSTRUMENT;2025-10-15;45,5;85\n" // 2 accepted
                + t2 + ";" + c + ";instrument;15.10.2025;75%;\n" // 3 accepted (percent, one competency)
                + "tch-nobody;" + c + ";INSTRUMENT;2025-10-15;50;50\n" // 4 unknown teacher
                + t3 + ";" + c + ";INSTRUMENT;2025-10-15;150;50\n" // 5 out of range
                + t4 + ";" + c + ";INSTRUMENT;2025-10-15;50;abc\n" // 6 not a number
                + director + ";" + c + ";INSTRUMENT;2025-10-15;50;\n" // 7 not applicable to a director
                + t1 + ";" + c + ";INSTRUMENT;2025-10-15;45.5;85\n" // 8 the same as row 2
                + t2 + ";" + c + ";INSTRUMENT;2025-10-15;76%;\n" // 9 other scores for row 3's key
                + elsewhere + ";" + c + ";INSTRUMENT;2025-10-15;50;50\n"; // 10 another municipality's teacher
        MediaType csvType = MediaType.parseMediaType("text/csv;charset=UTF-8");

        try (EventProbe probe = new EventProbe("diagnostics.v1")) {
            importing(place.municipalOperator(), csvType, csv)
                    .jsonPath("$.rows")
                    .isEqualTo(9)
                    .jsonPath("$.accepted")
                    .isEqualTo(2)
                    .jsonPath("$.unchanged")
                    .isEqualTo(1)
                    .jsonPath("$.rejected")
                    .isEqualTo(6)
                    .jsonPath("$.results[0].row")
                    .isEqualTo(2)
                    .jsonPath("$.results[0].outcome")
                    .isEqualTo("ACCEPTED")
                    .jsonPath("$.results[1].outcome")
                    .isEqualTo("ACCEPTED")
                    .jsonPath("$.results[2].errors[0].field")
                    .isEqualTo("teacherId")
                    .jsonPath("$.results[3].errors[0].field")
                    .isEqualTo("scores[0].score")
                    .jsonPath("$.results[4].errors[0].field")
                    .isEqualTo("READING_LITERACY")
                    .jsonPath("$.results[5].errors[0].message")
                    .value(m -> assertThat(m.toString()).contains("NOT_APPLICABLE_TO_POSITION"))
                    .jsonPath("$.results[6].outcome")
                    .isEqualTo("UNCHANGED")
                    .jsonPath("$.results[7].status")
                    .isEqualTo(409)
                    .jsonPath("$.results[8].status")
                    .isEqualTo(403);

            importing(place.municipalOperator(), csvType, csv)
                    .jsonPath("$.accepted")
                    .isEqualTo(0)
                    .jsonPath("$.unchanged")
                    .isEqualTo(3)
                    .jsonPath("$.rejected")
                    .isEqualTo(6);

            var events = probe.await(
                    e -> e.type() == EventCatalog.DIAGNOSTIC_COMPLETED
                            && (e.subject().equals(t1) || e.subject().equals(t2)),
                    2,
                    Duration.ofSeconds(20));
            assertThat(events).extracting(e -> e.subject()).containsExactlyInAnyOrder(t1, t2);
            DiagnosticCompleted first = (DiagnosticCompleted) events.stream()
                    .filter(e -> e.subject().equals(t1))
                    .findFirst()
                    .orElseThrow()
                    .data();
            assertThat(first.deficits()).containsExactly(new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED));
            // imports are published by outbox sweeps (at least once): two events in effect, i.e. two distinct ids,
            // for the two accepted rows only, none for the re-import
            assertThat(probe
                            .events(
                                    e -> e.type() == EventCatalog.DIAGNOSTIC_COMPLETED
                                            && Set.of(t1, t2, t3, t4, director, elsewhere)
                                                    .contains(e.subject()),
                                    Duration.ofSeconds(2))
                            .stream()
                            .map(e -> e.id())
                            .distinct())
                    .hasSize(2);
        }
    }

    @Test
    void ndjsonTakesTheShapeOfTheSinglePostAndReportsUnreadableLines() {
        String t1 = feed.register(place.scope(), "TEACHER", Set.of());
        String t2 = feed.register(place.scope(), "DEPUTY_DIRECTOR", Set.of());
        String ndjson = "{\"campaignId\":\"" + campaign + "\",\"teacherId\":\"" + t1
                + "\",\"sourceKind\":\"EXPERT\",\"diagnosedOn\":\"2025-11-01\","
                + "\"scores\":[{\"competencyCode\":\"READING_LITERACY\",\"percent\":80.1}]}\n"
                + "\n"
                + "{not json\n"
                + "{\"campaignId\":\"" + campaign + "\",\"teacherId\":\"" + t2
                + "\",\"sourceKind\":\"INSTRUMENT\",\"diagnosedOn\":\"2025-11-01\","
                + "\"scores\":[{\"competencyCode\":\"STAFF_DEVELOPMENT\",\"score\":60}]}\n";

        importing(place.schoolSystem(), MediaType.parseMediaType("application/x-ndjson"), ndjson)
                .jsonPath("$.rows")
                .isEqualTo(3)
                .jsonPath("$.accepted")
                .isEqualTo(2)
                .jsonPath("$.rejected")
                .isEqualTo(1)
                .jsonPath("$.results[1].row")
                .isEqualTo(3)
                .jsonPath("$.results[1].errors[0].field")
                .isEqualTo("line");

        http.get()
                .uri("/api/diagnostics/results?campaignId={c}", campaign)
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.teacherId == '" + t1 + "')].competencies[0].level")
                .isEqualTo("ADVANCED")
                .jsonPath("$[?(@.teacherId == '" + t2 + "')].deficits[0].severity")
                .isEqualTo("PARTIAL");
    }

    @Test
    void aCommaSeparatedFileWorksAndAFileWithAnUnknownColumnIsRefusedWhole() {
        String t1 = feed.register(place.scope(), "TEACHER", Set.of());
        MediaType csv = MediaType.parseMediaType("text/csv");
        importing(
                        place.schoolSystem(),
                        csv,
                        "teacherId,campaignId,sourceKind,diagnosedOn,ASSESSMENT\r\n" + t1 + "," + campaign
                                + ",SELF_ASSESSMENT,2025-10-20,\"61.5\"\r\n")
                .jsonPath("$.accepted")
                .isEqualTo(1);

        http.post()
                .uri("/api/diagnostics/results/import")
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .contentType(csv)
                .bodyValue("teacherId;campaignId;sourceKind;diagnosedOn;ASSESMENT\n" + t1 + ";" + campaign
                        + ";EXPERT;2025-10-20;50\n")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].rejectedValue")
                .isEqualTo("ASSESMENT");
        http.get()
                .uri("/api/diagnostics/results?teacherId={t}", t1)
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void importsNeedAKnownFormat() {
        http.post()
                .uri("/api/diagnostics/results/import")
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .contentType(MediaType.APPLICATION_PDF)
                .bodyValue("%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .exchange()
                .expectStatus()
                .isEqualTo(415);
    }
}
