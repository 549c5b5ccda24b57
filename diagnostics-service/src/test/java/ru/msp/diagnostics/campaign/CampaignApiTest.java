package ru.msp.diagnostics.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.diagnostics.CampaignOpened;
import ru.msp.diagnostics.CampaignFixtures;
import ru.msp.diagnostics.Place;
import ru.msp.diagnostics.TeacherFeed;
import ru.msp.diagnostics.teacher.TeacherDirectory;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CampaignApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    Place place;

    @BeforeEach
    void aFreshMunicipality() {
        // the build machine is shared: a slow answer is not a wrong one
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        place = Place.fresh();
    }

    @Test
    void aMunicipalOperatorOpensAMunicipalCampaignWithR201DefaultsAndCampaignOpenedIsPublished() {
        try (EventProbe probe = new EventProbe("diagnostics.v1")) {
            String id = CampaignFixtures.open(
                    http, place.municipalOperator(), CampaignFixtures.municipal("ASSESSMENT", "READING_LITERACY"));

            http.get()
                    .uri("/api/diagnostics/campaigns/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, place.municipalOperator())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.level")
                    .isEqualTo("MUNICIPAL")
                    .jsonPath("$.regionId")
                    .isEqualTo(place.region())
                    .jsonPath("$.municipalityId")
                    .isEqualTo(place.municipality())
                    .jsonPath("$.organizationId")
                    .doesNotExist()
                    .jsonPath("$.schoolYear")
                    .isEqualTo("2025/2026")
                    .jsonPath("$.frameworkVersion")
                    .isEqualTo("2025.1")
                    .jsonPath("$.instrument.thresholds.basicFrom")
                    .isEqualTo(60)
                    .jsonPath("$.instrument.thresholds.advancedAbove")
                    .isEqualTo(80)
                    .jsonPath("$.instrument.thresholds.highAbove")
                    .isEqualTo(90)
                    .jsonPath("$.instrument.requiredLevel")
                    .isEqualTo("ADVANCED")
                    .jsonPath("$.target.positions[0]")
                    .isEqualTo("TEACHER");

            var events = probe.await(
                    e -> e.type() == EventCatalog.CAMPAIGN_OPENED && e.subject().equals(id), 1, Duration.ofSeconds(20));
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.scope().municipalityId()).isEqualTo(place.municipality());
                assertThat(e.data())
                        .isEqualTo(new CampaignOpened(
                                id,
                                "MUNICIPAL",
                                "2025/2026",
                                LocalDate.of(2025, 10, 1),
                                LocalDate.of(2025, 12, 20),
                                List.of("ASSESSMENT", "READING_LITERACY"),
                                List.of("TEACHER", "ADDITIONAL_EDUCATION_TEACHER", "METHODIST")));
            });
        }
    }

    @Test
    void whoMayOpenWhichLevel() {
        Map<String, Object> regional = CampaignFixtures.municipal("ASSESSMENT");
        regional.put("level", "REGIONAL");
        Map<String, Object> federal = CampaignFixtures.municipal("ASSESSMENT");
        federal.put("level", "FEDERAL");
        Map<String, Object> school = CampaignFixtures.municipal("ASSESSMENT");
        school.put("level", "SCHOOL");

        post(place.municipalOperator(), regional).isForbidden();
        post(place.regionalOperator(), federal).isForbidden();
        post(place.schoolSystem(), CampaignFixtures.municipal("ASSESSMENT")).isForbidden();
        post(
                        TestTokens.role("TEACHER")
                                .region(place.region())
                                .municipality(place.municipality())
                                .teacher("t")
                                .bearer(),
                        school)
                .isForbidden();
        // another municipality's operator naming ours
        Map<String, Object> ours = CampaignFixtures.municipal("ASSESSMENT");
        ours.put("municipalityId", place.municipality());
        post(place.otherMunicipality().municipalOperator(), ours).isForbidden();

        post(place.regionalOperator(), regional).isCreated();
        post(place.schoolSystem(), school).isCreated();
        post(place.regionalOperator(), CampaignFixtures.municipal("ASSESSMENT")).isBadRequest(); // no municipality
        post(TestTokens.admin(), federal).isCreated();
    }

    @Test
    void badCampaignsAreRefusedWithEveryFieldAtFault() {
        Map<String, Object> body = CampaignFixtures.municipal("ASSESSMENT", "NO_SUCH_COMPETENCY");
        body.put("schoolYear", "2025/2027");
        body.put("level", "DISTRICT");
        body.put("target", Map.of("positions", List.of("DIRECTOR"), "targetGroups", List.of("ASTRONAUTS")));

        http.post()
                .uri("/api/diagnostics/campaigns")
                .header(HttpHeaders.AUTHORIZATION, place.municipalOperator())
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'level')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'schoolYear')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'instrument.competencies[1].code')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'target.positions[0]')].message")
                .isEqualTo("none of the instrument's competencies applies to this position")
                .jsonPath("$.errors[?(@.field == 'target.targetGroups[0]')]")
                .exists();

        Map<String, Object> outsideTheYear = CampaignFixtures.municipal("ASSESSMENT");
        outsideTheYear.put("endsOn", "2026-09-01");
        post(place.municipalOperator(), outsideTheYear).isBadRequest();
    }

    @Test
    void anotherMunicipalityNeitherSeesNorListsTheCampaignButTheRegionAndItsSchoolsDo() {
        String id = CampaignFixtures.open(http, place.municipalOperator(), CampaignFixtures.municipal("ASSESSMENT"));
        Place other = place.otherMunicipality();

        http.get()
                .uri("/api/diagnostics/campaigns/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, other.municipalOperator())
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(list(other.schoolSystem())).doesNotContain(id);
        assertThat(list(other.municipalOperator())).doesNotContain(id);
        assertThat(list(place.municipalOperator())).contains(id);
        assertThat(list(place.schoolSystem())).contains(id);
        assertThat(list(place.regionalOperator())).contains(id);
        http.get()
                .uri("/api/diagnostics/campaigns/{id}/progress", id)
                .header(HttpHeaders.AUTHORIZATION, other.municipalOperator())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void progressIsTheShareOfTheTargetPopulationDiagnosedPerOrganisation() {
        TeacherFeed feed = new TeacherFeed(kafka, directory);
        Place neighbour = place.neighbourSchool();
        String a1 = feed.register(place.scope(), "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER));
        feed.register(place.scope(), "TEACHER", Set.of());
        feed.register(place.scope(), "DIRECTOR", Set.of()); // not targeted: no measured competency applies
        feed.register(neighbour.scope(), "METHODIST", Set.of());
        feed.register(place.otherMunicipality().scope(), "TEACHER", Set.of()); // outside the campaign's area
        String id = CampaignFixtures.open(http, place.municipalOperator(), CampaignFixtures.municipal("ASSESSMENT"));
        http.post()
                .uri("/api/diagnostics/results")
                .header(HttpHeaders.AUTHORIZATION, place.schoolSystem())
                .bodyValue(Map.of(
                        "campaignId",
                        id,
                        "teacherId",
                        a1,
                        "sourceKind",
                        "INSTRUMENT",
                        "diagnosedOn",
                        "2025-10-15",
                        "scores",
                        List.of(Map.of("competencyCode", "ASSESSMENT", "score", 70))))
                .exchange()
                .expectStatus()
                .isCreated();

        http.get()
                .uri("/api/diagnostics/campaigns/{id}/progress", id)
                .header(HttpHeaders.AUTHORIZATION, place.municipalOperator())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.target")
                .isEqualTo(3)
                .jsonPath("$.diagnosed")
                .isEqualTo(1)
                .jsonPath("$.percent")
                .isEqualTo(33.3)
                .jsonPath("$.organizations[?(@.organizationId == '" + place.school() + "')].target")
                .isEqualTo(2)
                .jsonPath("$.organizations[?(@.organizationId == '" + place.school() + "')].percent")
                .isEqualTo(50.0)
                .jsonPath("$.organizations[?(@.organizationId == '" + neighbour.school() + "')].diagnosed")
                .isEqualTo(0);
        // a school counts its own staff only
        http.get()
                .uri("/api/diagnostics/campaigns/{id}/progress", id)
                .header(HttpHeaders.AUTHORIZATION, neighbour.schoolSystem())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.target")
                .isEqualTo(1)
                .jsonPath("$.organizations.length()")
                .isEqualTo(1);
    }

    private org.springframework.test.web.reactive.server.StatusAssertions post(
            String bearer, Map<String, Object> body) {
        return http.post()
                .uri("/api/diagnostics/campaigns")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .bodyValue(body)
                .exchange()
                .expectStatus();
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String bearer) {
        List<Map<String, Object>> campaigns = http
                .get()
                .uri("/api/diagnostics/campaigns")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(m -> (Map<String, Object>) m)
                .toList();
        return campaigns.stream().map(c -> c.get("id").toString()).toList();
    }
}
