package ru.msp.teacher.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Communities and methodical associations: levels, members joining and leaving with events, scope. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CommunityApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    WebTestClient http;

    String region;
    String municipality;
    String otherMunicipality;
    String school;
    String neighbour;
    String teacher;
    String colleague;
    String stranger;
    String operator;

    @BeforeEach
    void twoSchoolsAndTeachers() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        region = fixtures.region();
        municipality = fixtures.municipality(region);
        otherMunicipality = fixtures.municipality(region);
        school = fixtures.organization(municipality);
        neighbour = fixtures.organization(municipality);
        teacher = teacher(school, "Членова");
        colleague = teacher(school, "Коллегова");
        stranger = teacher(neighbour, "Соседова");
        operator = TestTokens.municipalOperator(region, municipality);
    }

    @Test
    void aSchoolAssociationWithMembersJoiningAndLeaving() {
        String id = create(
                        operator,
                        Map.of(
                                "level", "SCHOOL",
                                "name", "ШМО учителей математики",
                                "subject", "Математика",
                                "organizationId", school,
                                "leaderTeacherId", colleague))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        try (EventProbe probe = new EventProbe("teacher.v1")) {
            post(
                            operator,
                            "/api/communities/" + id + "/members",
                            Map.of(
                                    "teacherId",
                                    teacher,
                                    "date",
                                    TODAY.minusDays(10).toString()))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.activeMembers")
                    .isEqualTo(1)
                    .jsonPath("$.organizationId")
                    .isEqualTo(school)
                    .jsonPath("$.kind")
                    .isEqualTo("METHODICAL_ASSOCIATION");
            post(operator, "/api/communities/" + id + "/members", Map.of("teacherId", teacher))
                    .expectStatus()
                    .isEqualTo(409);
            post(operator, "/api/communities/" + id + "/members", Map.of("teacherId", stranger))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("teacherId");
            post(operator, "/api/communities/" + id + "/members", Map.of("teacherId", "tch-nowhere"))
                    .expectStatus()
                    .isBadRequest();
            post(
                            operator,
                            "/api/communities/" + id + "/members/" + teacher + "/leave",
                            Map.of("date", TODAY.minusDays(11).toString()))
                    .expectStatus()
                    .isBadRequest();
            post(
                            operator,
                            "/api/communities/" + id + "/members/" + teacher + "/leave",
                            Map.of("date", TODAY.toString()))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.activeMembers")
                    .isEqualTo(0)
                    .jsonPath("$.members[0].leftOn")
                    .isEqualTo(TODAY.toString());
            post(operator, "/api/communities/" + id + "/members/" + teacher + "/leave", Map.of())
                    .expectStatus()
                    .isEqualTo(409);
            var events = probe.await(
                    e -> e.type() == EventCatalog.MEMBERSHIP_CHANGED
                            && e.subject().equals(teacher),
                    2,
                    Duration.ofSeconds(20));
            assertThat(events)
                    .<Object>extracting(e -> e.data())
                    .containsExactly(
                            new MembershipChanged(id, teacher, "SCHOOL", "JOINED", TODAY.minusDays(10)),
                            new MembershipChanged(id, teacher, "SCHOOL", "LEFT", TODAY));
            assertThat(events.get(0).scope().organizationId()).isEqualTo(school);
        }
        post(operator, "/api/communities/" + id + "/members", Map.of("teacherId", colleague))
                .expectStatus()
                .isOk();
        get(operator, "/api/communities?teacherId=" + colleague)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(id);
        get(operator, "/api/communities?teacherId=" + teacher)
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void levelsNeedTheirTerritoryAndLeadersFromIt() {
        create(operator, Map.of("level", "SCHOOL", "name", "Без школы"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("organizationId");
        create(operator, Map.of("level", "GALACTIC", "name", "Вселенское"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("level");
        create(
                        operator,
                        Map.of(
                                "level",
                                "SCHOOL",
                                "name",
                                "Чужой руководитель",
                                "organizationId",
                                school,
                                "leaderTeacherId",
                                stranger))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("leaderTeacherId");
        create(operator, Map.of("level", "MUNICIPAL", "name", "ГМО учителей физики", "municipalityId", municipality))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.regionId")
                .isEqualTo(region);
        create(operator, Map.of("level", "REGIONAL", "name", "Региональное сообщество", "regionId", region))
                .expectStatus()
                .isForbidden();
        String regional = TestTokens.role("REGIONAL_OPERATOR").region(region).bearer();
        String network = create(
                        regional,
                        Map.of(
                                "level",
                                "NETWORK",
                                "kind",
                                "PROFESSIONAL_COMMUNITY",
                                "name",
                                "Сеть наставников",
                                "regionId",
                                region))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        // a network community of the region takes teachers of any of its municipalities
        post(regional, "/api/communities/" + network + "/members", Map.of("teacherId", stranger))
                .expectStatus()
                .isOk();
    }

    @Test
    void anotherMunicipalityNeitherSeesNorChangesIt() {
        String id = create(operator, Map.of("level", "MUNICIPAL", "name", "ГМО", "municipalityId", municipality))
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
        String other = TestTokens.municipalOperator(region, otherMunicipality);
        get(other, "/api/communities/" + id).expectStatus().isNotFound();
        get(other, "/api/communities")
                .expectBody()
                .jsonPath("$[?(@.id=='" + id + "')]")
                .doesNotExist();
        post(other, "/api/communities/" + id + "/members", Map.of("teacherId", teacher))
                .expectStatus()
                .isNotFound();
        create(other, Map.of("level", "MUNICIPAL", "name", "Захват", "municipalityId", municipality))
                .expectStatus()
                .isForbidden();
        String neighbourSystem = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(neighbour)
                .bearer();
        create(neighbourSystem, Map.of("level", "SCHOOL", "name", "Чужое ШМО", "organizationId", school))
                .expectStatus()
                .isForbidden();
        String teacherToken = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .teacher(teacher)
                .bearer();
        create(teacherToken, Map.of("level", "SCHOOL", "name", "Моё ШМО", "organizationId", school))
                .expectStatus()
                .isForbidden();
    }

    private String teacher(String organizationId, String lastName) {
        return new RegistryFixtures(http)
                .teacher(organizationId, lastName, "TEACHER", TODAY.minusYears(30), TODAY.minusYears(5));
    }

    private WebTestClient.ResponseSpec create(String token, Map<String, Object> body) {
        return post(token, "/api/communities", body);
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
