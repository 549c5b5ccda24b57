package ru.msp.teacher.region;

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

/** Two regions; every role sees only its own, and only an administrator registers regions. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RegionTenancyTest {

    @Autowired
    WebTestClient http;

    String r1;
    String r2;

    @BeforeEach
    void twoRegions() {
        r1 = register();
        r2 = register();
    }

    @Test
    void aRegionalOperatorSeesOnlyTheirRegion() {
        String token = TestTokens.role("REGIONAL_OPERATOR").region(r1).bearer();
        list(token)
                .jsonPath("$[?(@.id=='" + r1 + "')]")
                .exists()
                .jsonPath("$[?(@.id=='" + r2 + "')]")
                .doesNotExist();
        get(token, r1).expectStatus().isOk();
        get(token, r2)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void municipalAndSchoolScopesSeeTheRegionTheyBelongTo() {
        String municipal = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(r2)
                .municipality("m-x")
                .bearer();
        get(municipal, r2).expectStatus().isOk();
        get(municipal, r1).expectStatus().isNotFound();
        String school = TestTokens.role("SCHOOL_SYSTEM")
                .region(r1)
                .municipality("m-y")
                .organization("o-1")
                .bearer();
        list(school).jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(r1);
    }

    @Test
    void onlyAnAdministratorRegistersRegions() {
        for (String token : new String[] {
            TestTokens.role("REGIONAL_OPERATOR").region(r1).bearer(),
            TestTokens.role("MUNICIPAL_OPERATOR").region(r1).municipality("m").bearer(),
            TestTokens.role("SCHOOL_SYSTEM")
                    .region(r1)
                    .municipality("m")
                    .organization("o")
                    .bearer(),
            TestTokens.role("TEACHER").region(r1).municipality("m").teacher("t").bearer()
        }) {
            String code = RegistryFixtures.nextRegionCode();
            http.post()
                    .uri("/api/regions")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .bodyValue(new RegionRegistration(code, "Чужой регион"))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            get(TestTokens.admin(), "reg-" + code).expectStatus().isNotFound();
        }
    }

    @Test
    void missingForgedAndExpiredTokensAre401Problems() {
        http.get()
                .uri("/api/regions")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        for (String token : new String[] {
            TestTokens.role("ADMIN").forged().bearer(),
            TestTokens.role("ADMIN").expired().bearer(),
            "Bearer not-a-jwt"
        }) {
            http.get()
                    .uri("/api/regions")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            http.post()
                    .uri("/api/regions")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .bodyValue(new RegionRegistration(RegistryFixtures.nextRegionCode(), "x"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private String register() {
        String code = RegistryFixtures.nextRegionCode();
        http.post()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.admin())
                .bodyValue(new RegionRegistration(code, "Регион " + code))
                .exchange()
                .expectStatus()
                .isCreated();
        return "reg-" + code;
    }

    private WebTestClient.BodyContentSpec list(String token) {
        return http.get()
                .uri("/api/regions")
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private WebTestClient.ResponseSpec get(String token, String id) {
        return http.get()
                .uri("/api/regions/" + id)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange();
    }
}
