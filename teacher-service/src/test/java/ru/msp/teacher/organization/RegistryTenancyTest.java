package ru.msp.teacher.organization;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.teacher.RegistryFixtures;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * Two regions, three municipalities (two in the first region), one school in each: every role sees and changes only
 * its own part of the registry.
 */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RegistryTenancyTest {

    @Autowired
    WebTestClient http;

    String r1;
    String r2;
    String m1a;
    String m1b;
    String m2;
    String o1a;
    String o1b;
    String o2;

    @BeforeEach
    void twoRegionsThreeMunicipalities() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        r1 = fixtures.region();
        r2 = fixtures.region();
        m1a = fixtures.municipality(r1);
        m1b = fixtures.municipality(r1);
        m2 = fixtures.municipality(r2);
        o1a = fixtures.organization(m1a);
        o1b = fixtures.organization(m1b);
        o2 = fixtures.organization(m2);
    }

    @Test
    void aRegionalOperatorSeesOnlyTheirRegionsMunicipalitiesAndOrganisations() {
        String token = TestTokens.role("REGIONAL_OPERATOR").region(r1).bearer();
        list(token, "/api/municipalities")
                .jsonPath("$[?(@.id=='" + m1a + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + m1b + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + m2 + "')]")
                .doesNotExist()
                .jsonPath("$[?(@.regionId!='" + r1 + "')]")
                .doesNotExist();
        list(token, "/api/municipalities?regionId=" + r2).jsonPath("$.length()").isEqualTo(0);
        list(token, "/api/organizations")
                .jsonPath("$[?(@.id=='" + o1a + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + o1b + "')]")
                .exists()
                .jsonPath("$[?(@.regionId!='" + r1 + "')]")
                .doesNotExist();
        get(token, "/api/municipalities/" + m1b).expectStatus().isOk();
        get(token, "/api/municipalities/" + m2).expectStatus().isNotFound();
        get(token, "/api/organizations/" + o2)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aRegionalOperatorRegistersMunicipalitiesOnlyInTheirRegion() {
        String token = TestTokens.role("REGIONAL_OPERATOR").region(r1).bearer();
        post(token, "/api/municipalities", Map.of("regionId", r1, "name", "Новый город " + r1))
                .expectStatus()
                .isCreated();
        post(token, "/api/municipalities", Map.of("regionId", r2, "name", "Чужой город"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(token, "/api/organizations", Map.of("municipalityId", m2, "name", "Чужая школа", "type", "COLLEGE"))
                .expectStatus()
                .isForbidden();
        list(TestTokens.admin(), "/api/municipalities?regionId=" + r2)
                .jsonPath("$[?(@.name=='Чужой город')]")
                .doesNotExist();
        list(TestTokens.admin(), "/api/organizations?municipalityId=" + m2)
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void aMunicipalOperatorWorksOnlyInTheirMunicipality() {
        String token = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(r1)
                .municipality(m1a)
                .bearer();
        post(token, "/api/organizations", Map.of("municipalityId", m1a, "name", "Своя школа", "type", "KINDERGARTEN"))
                .expectStatus()
                .isCreated();
        post(
                        token,
                        "/api/organizations",
                        Map.of("municipalityId", m1b, "name", "Соседняя школа", "type", "KINDERGARTEN"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(token, "/api/municipalities", Map.of("regionId", r1, "name", "Самозваный город"))
                .expectStatus()
                .isForbidden();
        get(token, "/api/organizations/" + o1a).expectStatus().isOk();
        get(token, "/api/organizations/" + o1b)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(token, "/api/municipalities/" + m1b).expectStatus().isNotFound();
        list(token, "/api/organizations")
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.municipalityId!='" + m1a + "')]")
                .doesNotExist();
        list(token, "/api/municipalities")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(m1a);
        list(TestTokens.admin(), "/api/organizations?municipalityId=" + m1b)
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void aSchoolSystemSeesOnlyItsOwnOrganisationAndRegistersNone() {
        String token = TestTokens.role("SCHOOL_SYSTEM")
                .region(r1)
                .municipality(m1a)
                .organization(o1a)
                .bearer();
        list(token, "/api/organizations")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(o1a);
        get(token, "/api/organizations/" + o1a).expectStatus().isOk();
        get(token, "/api/organizations/" + o1b).expectStatus().isNotFound();
        get(token, "/api/organizations/" + o2).expectStatus().isNotFound();
        post(token, "/api/organizations", Map.of("municipalityId", m1a, "name", "Ещё школа", "type", "GENERAL_SCHOOL"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void missingAndForgedTokensAre401Problems() {
        for (String path : new String[] {"/api/municipalities", "/api/organizations"}) {
            http.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            for (String token : new String[] {
                TestTokens.role("ADMIN").forged().bearer(),
                TestTokens.role("ADMIN").expired().bearer()
            }) {
                get(token, path).expectStatus().isUnauthorized();
            }
        }
        http.post()
                .uri("/api/organizations")
                .bodyValue(Map.of("municipalityId", m1a, "name", "Аноним", "type", "GENERAL_SCHOOL"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        post(
                        TestTokens.role("ADMIN").forged().bearer(),
                        "/api/municipalities",
                        Map.of("regionId", r1, "name", "Подделка"))
                .expectStatus()
                .isUnauthorized();
    }

    private WebTestClient.BodyContentSpec list(String token, String uri) {
        return get(token, uri).expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, String uri, Map<String, Object> body) {
        return http.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }
}
