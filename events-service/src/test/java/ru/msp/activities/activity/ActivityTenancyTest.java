package ru.msp.activities.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * Two regions, three municipalities (m1 and m2 in r1, m3 in r2): every role reads and writes only inside its scope.
 */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class ActivityTenancyTest {

    @Autowired
    WebTestClient http;

    String r1 = "reg-" + UUID.randomUUID();
    String r2 = "reg-" + UUID.randomUUID();
    String m1 = "mun-" + UUID.randomUUID();
    String m2 = "mun-" + UUID.randomUUID();
    String m3 = "mun-" + UUID.randomUUID();
    String a1;
    String a2;
    String a3;

    @BeforeEach
    void oneActivityPerMunicipality() {
        a1 = create(TestTokens.admin(), seminar(r1, m1, "MUNICIPAL", "org-gmc-1"))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        a2 = create(TestTokens.admin(), seminar(r1, m2, "MUNICIPAL", "org-gmc-2"))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
        a3 = create(TestTokens.admin(), seminar(r2, m3, "MUNICIPAL", "org-gmc-3"))
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    @Test
    void aRegionalOperatorSeesTheirRegionsMunicipalitiesOnly() {
        String token = TestTokens.role("REGIONAL_OPERATOR").region(r1).bearer();
        seen(token, null)
                .jsonPath("$[?(@.id=='" + a1 + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + a2 + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + a3 + "')]")
                .doesNotExist();
        one(token, a3).isNotFound();
        create(token, seminar(r1, m2, "MUNICIPAL", "org-x")).expectStatus().isCreated();
        create(token, seminar(r2, m3, "MUNICIPAL", "org-x"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMunicipalOperatorAndAMethodistStayInTheirMunicipality() {
        for (String role : new String[] {"MUNICIPAL_OPERATOR", "METHODIST"}) {
            String token = TestTokens.role(role).region(r1).municipality(m1).bearer();
            seen(token, null)
                    .jsonPath("$[?(@.id=='" + a1 + "')]")
                    .exists()
                    .jsonPath("$[?(@.municipalityId!='" + m1 + "')]")
                    .doesNotExist();
            seen(token, m2).jsonPath("$.length()").isEqualTo(0); // asking for another municipality filters to nothing
            one(token, a2).isNotFound();
            one(token, a3).isNotFound();
            create(token, seminar(r1, m2, "MUNICIPAL", "org-x")).expectStatus().isForbidden();
            create(token, seminar(r1, m1, "MUNICIPAL", "org-x")).expectStatus().isCreated();
        }
    }

    @Test
    void aSchoolSystemSeesItsMunicipalityButWritesOnlyItsOwnSchoolLevelActivities() {
        String token = TestTokens.role("SCHOOL_SYSTEM")
                .region(r1)
                .municipality(m1)
                .organization("org-s1")
                .bearer();
        one(token, a1).isOk();
        one(token, a2).isNotFound();
        create(token, seminar(r1, m1, "MUNICIPAL", "org-gmc-1")).expectStatus().isForbidden();
        create(token, seminar(r1, m1, "SCHOOL", "org-s2")).expectStatus().isForbidden();
        create(token, seminar(r1, m1, "SCHOOL", "org-s1")).expectStatus().isCreated();
    }

    @Test
    void aTeacherReadsTheirMunicipalitysActivitiesAndPlansNone() {
        String token = TestTokens.role("TEACHER")
                .region(r2)
                .municipality(m3)
                .teacher("t-1")
                .bearer();
        seen(token, null)
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(a3);
        one(token, a1).isNotFound();
        create(token, seminar(r2, m3, "SCHOOL", "org-s1")).expectStatus().isForbidden();
    }

    @Test
    void anonymousAndForgedCallersGet401() {
        http.get().uri("/api/activities").exchange().expectStatus().isUnauthorized();
        one(TestTokens.role("ADMIN").forged().bearer(), a1).isUnauthorized();
        create(TestTokens.role("ADMIN").expired().bearer(), seminar(r1, m1, "MUNICIPAL", "o"))
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient.ResponseSpec create(String token, ActivityDraft draft) {
        return http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(draft)
                .exchange();
    }

    private WebTestClient.BodyContentSpec seen(String token, String municipality) {
        return http.get()
                .uri(municipality == null ? "/api/activities" : "/api/activities?municipalityId=" + municipality)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private StatusAssertions one(String token, String id) {
        return http.get()
                .uri("/api/activities/" + id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus();
    }

    private static ActivityDraft seminar(String region, String municipality, String level, String organizer) {
        Instant start = Instant.parse("2026-03-02T06:00:00Z");
        return new ActivityDraft(
                region,
                municipality,
                organizer,
                "Семинар по функциональной грамотности",
                ActivityKind.SEMINAR,
                level,
                List.of("READING_LITERACY"),
                Set.of(),
                List.of("TEACHER"),
                "IN_PERSON",
                "ГМЦ, ауд. 12",
                null,
                start,
                start.plus(Duration.ofHours(3)),
                40,
                null,
                true,
                null);
    }
}
