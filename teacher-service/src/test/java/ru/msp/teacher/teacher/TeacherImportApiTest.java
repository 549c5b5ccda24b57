package ru.msp.teacher.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** {@code POST /api/teachers/import}: good, bad and duplicate rows, re-import, NDJSON, scope, concurrency. */
@Order(Integer.MAX_VALUE) // last: its thousands of events slow down every EventProbe that reads the topic after it
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT2M")
class TeacherImportApiTest {

    private static final DateTimeFormatter RU = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    String region;
    String municipality;
    String school;
    String schoolSystem;

    @BeforeEach
    void aSchoolAndItsSystem() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
        schoolSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .bearer();
    }

    @Test
    void goodRowsAreAppliedBadRowsReportedAndARepostChangesNothing() {
        LocalDate today = TeacherFixtures.today();
        String header = "\uFEFFВнешний идентификатор;Фамилия;Имя;Отчество;Дата рождения;Должность;Предметы;"
                + "Дата начала педагогической деятельности;Квалификационная категория;Дата присвоения категории\n";
        String good1 = "E-1;Ёлкина;Анна;Петровна;" + RU.format(today.minusYears(30)) + ";Учитель;Математика, Физика;"
                + RU.format(today.minusYears(8)) + ";Первая;" + RU.format(today.minusYears(1)) + "\n";
        String good2 = "E-2;Сидоров;Пётр;;" + RU.format(today.minusYears(24)) + ";Учитель;История;"
                + RU.format(today.minusYears(1)) + ";;\n";
        String tooYoung = "E-3;Юный;Ян;;" + RU.format(today.minusYears(12)) + ";Учитель;;"
                + RU.format(today.minusYears(1)) + ";;\n";
        String startBefore16 = "E-4;Ранний;Рем;;" + RU.format(today.minusYears(30)) + ";Учитель;;"
                + RU.format(today.minusYears(16)) + ";;\n";
        String duplicate = "E-1;Двойник;Дмитрий;;" + RU.format(today.minusYears(40)) + ";Учитель;;"
                + RU.format(today.minusYears(10)) + ";;\n";
        String noId = ";Безымянный;Борис;;" + RU.format(today.minusYears(40)) + ";Учитель;;"
                + RU.format(today.minusYears(10)) + ";;\n";
        String csv = header + good1 + good2 + tooYoung + startBefore16 + duplicate + noId;
        String first;
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            var report = importCsv(schoolSystem, csv, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(6)
                    .jsonPath("$.accepted")
                    .isEqualTo(2)
                    .jsonPath("$.rejected")
                    .isEqualTo(4)
                    .jsonPath("$.rows[0].outcome")
                    .isEqualTo("ACCEPTED")
                    .jsonPath("$.rows[0].externalId")
                    .isEqualTo("E-1")
                    .jsonPath("$.rows[2].row")
                    .isEqualTo(3)
                    .jsonPath("$.rows[2].errors[0].field")
                    .isEqualTo("birthDate")
                    .jsonPath("$.rows[3].errors[0].field")
                    .isEqualTo("pedagogicalStartDate")
                    .jsonPath("$.rows[4].outcome")
                    .isEqualTo("REJECTED")
                    .jsonPath("$.rows[4].errors[0].field")
                    .isEqualTo("externalId")
                    .jsonPath("$.rows[4].errors[0].message")
                    .isEqualTo("appears again: row 1 of this file has it")
                    .jsonPath("$.rows[5].errors[0].field")
                    .isEqualTo("externalId")
                    .returnResult();
            first = com.jayway.jsonpath.JsonPath.read(
                    new String(report.getResponseBodyContent(), StandardCharsets.UTF_8), "$.rows[0].teacherId");
            var registered = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_REGISTERED
                            && school.equals(e.scope().organizationId()),
                    2,
                    Duration.ofSeconds(20));
            assertThat(registered).hasSize(2);
            assertThat(registered)
                    .anySatisfy(e -> assertThat(
                                    ((TeacherRegistered) e.data()).facts().category())
                            .isEqualTo("FIRST"));

            importCsv(schoolSystem, csv, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.accepted")
                    .isEqualTo(0)
                    .jsonPath("$.updated")
                    .isEqualTo(0)
                    .jsonPath("$.unchanged")
                    .isEqualTo(2)
                    .jsonPath("$.rejected")
                    .isEqualTo(4);

            String changed = header + good1.replace("Первая", "Высшая") + good2;
            importCsv(schoolSystem, changed, "")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.updated")
                    .isEqualTo(1)
                    .jsonPath("$.unchanged")
                    .isEqualTo(1)
                    .jsonPath("$.rows[0].teacherId")
                    .isEqualTo(first);
            var updated = probe.await(
                    e -> e.type() == EventCatalog.TEACHER_UPDATED && e.subject().equals(first),
                    1,
                    Duration.ofSeconds(20));
            assertThat(((TeacherUpdated) updated.get(0).data()).facts().category())
                    .isEqualTo("HIGHEST");
            assertThat(probe.events(
                            e -> e.type() == EventCatalog.TEACHER_REGISTERED
                                    && school.equals(e.scope().organizationId()),
                            Duration.ofSeconds(1)))
                    .as("re-posting created nobody")
                    .hasSize(2);
        }
        http.get()
                .uri("/api/teachers?organizationId=" + school + "&q=елк")
                .header(HttpHeaders.AUTHORIZATION, schoolSystem)
                .exchange()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo(first)
                .jsonPath("$[0].subjects.length()")
                .isEqualTo(2);
    }

    @Test
    void ndjsonWithAnUnknownOrganisationAndAnotherOrganisationsRows() {
        String other = new RegistryFixtures(http).organization(municipality);
        LocalDate today = TeacherFixtures.today();
        String row = "{\"externalId\":\"%s\",\"organizationId\":\"%s\",\"lastName\":\"Козлова\",\"firstName\":\"Вера\","
                + "\"birthDate\":\"" + today.minusYears(40) + "\",\"pedagogicalStartDate\":\""
                + today.minusYears(15) + "\",\"position\":\"TEACHER\",\"targetGroups\":[\"MENTOR\"]}\n";
        String ndjson = String.format(row, "n1", school) + String.format(row, "n2", "org-nowhere")
                + String.format(row, "n3", other) + "{broken\n";
        http.post()
                .uri("/api/teachers/import")
                .header(HttpHeaders.AUTHORIZATION, schoolSystem)
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .bodyValue(ndjson)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(1)
                .jsonPath("$.rejected")
                .isEqualTo(3)
                .jsonPath("$.rows[1].errors[0].message")
                .isEqualTo("no such organisation")
                .jsonPath("$.rows[2].errors[0].field")
                .isEqualTo("organizationId")
                .jsonPath("$.rows[3].errors[0].field")
                .isEqualTo("row");
        // an operator of the municipality names the organisation in the query
        importCsv(
                        TestTokens.municipalOperator(region, municipality),
                        "ID,Фамилия,Имя,Дата рождения,Педагогический стаж с,Должность\n"
                                + "m1,Орлова,Нина,01.01.1980,01.09.2001,Воспитатель\n",
                        "?organizationId=" + other)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(1);
    }

    @Test
    void otherTerritoriesAndTeachersCannotImport() {
        String csv = "ID,Фамилия,Имя,Дата рождения,Педагогический стаж с,Должность\n"
                + "x1,Орлова,Нина,01.01.1980,01.09.2001,Учитель\n";
        String stranger = TestTokens.municipalOperator(region, new RegistryFixtures(http).municipality(region));
        importCsv(stranger, csv, "?organizationId=" + school)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.rejected")
                .isEqualTo(1)
                .jsonPath("$.rows[0].errors[0].field")
                .isEqualTo("organizationId");
        importCsv(
                        TestTokens.role("TEACHER")
                                .region(region)
                                .municipality(municipality)
                                .teacher("tch-x")
                                .bearer(),
                        csv,
                        "?organizationId=" + school)
                .expectStatus()
                .isForbidden();
        importCsv(TestTokens.admin(), "Предмет\nФизика\n", "?organizationId=" + school)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("file");
        http.get()
                .uri("/api/teachers?organizationId=" + school)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void twoThousandRowsImportAndConcurrentImportsCreateNoDuplicates() {
        String csv = generated(2000);
        EventProbe probe = new EventProbe("teacher.v1");
        importCsv(schoolSystem, csv, "")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted")
                .isEqualTo(2000)
                .jsonPath("$.rejected")
                .isEqualTo(0);
        http.get()
                .uri("/api/teachers?organizationId=" + school + "&size=1")
                .header(HttpHeaders.AUTHORIZATION, schoolSystem)
                .exchange()
                .expectHeader()
                .valueEquals("X-Total-Count", "2000");

        // one event per created teacher; waiting for them also drains the relay before the next test
        assertThat(probe.await(
                        e -> e.type() == EventCatalog.TEACHER_REGISTERED
                                && school.equals(e.scope().organizationId()),
                        2000,
                        Duration.ofSeconds(90)))
                .hasSize(2000);
        String other = new RegistryFixtures(http).organization(municipality);
        String otherSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(other)
                .bearer();
        String small = generated(300);
        List<CompletableFuture<Void>> posts = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.runAsync(
                        () -> importCsv(otherSystem, small, "").expectStatus().isOk()))
                .toList();
        posts.forEach(CompletableFuture::join);
        http.get()
                .uri("/api/teachers?organizationId=" + other + "&size=1")
                .header(HttpHeaders.AUTHORIZATION, otherSystem)
                .exchange()
                .expectHeader()
                .valueEquals("X-Total-Count", "300");
        assertThat(probe.await(
                        e -> e.type() == EventCatalog.TEACHER_REGISTERED
                                && other.equals(e.scope().organizationId()),
                        300,
                        Duration.ofSeconds(60)))
                .as("three concurrent imports of one file register each teacher once")
                .hasSize(300);
        probe.close();
        List<IndexInfo> indexes =
                mongo.indexOps("teachers").getIndexInfo().collectList().block();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.isIndexForFields(List.of("externalKey"))).isTrue();
            assertThat(index.isUnique()).isTrue();
            assertThat(index.isSparse()).isTrue();
        });
    }

    private static String generated(int rows) {
        StringBuilder csv = new StringBuilder(
                "externalId,lastName,firstName,middleName,birthDate,position,subjects,pedagogicalStartDate,category\n");
        LocalDate today = TeacherFixtures.today();
        for (int i = 0; i < rows; i++) {
            csv.append("g-")
                    .append(i)
                    .append(",Фамилия")
                    .append(i)
                    .append(",Имя,Отчество,")
                    .append(today.minusYears(25 + i % 30).minusDays(i % 300))
                    .append(",TEACHER,\"Математика,Информатика\",")
                    .append(today.minusYears(2 + i % 5))
                    .append(",NONE\n");
        }
        return csv.toString();
    }

    private WebTestClient.ResponseSpec importCsv(String token, String csv, String query) {
        return http.post()
                .uri("/api/teachers/import" + query)
                .header(HttpHeaders.AUTHORIZATION, token)
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8))
                .exchange();
    }
}
