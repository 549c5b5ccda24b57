package ru.msp.teacher.teacher;

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
 * One region, two municipalities, two schools in the first and one in the second, a teacher in each school plus a
 * second one in the first: school systems, teachers and municipal operators see and change only their own part.
 */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class TeacherTenancyTest {

    @Autowired
    WebTestClient http;

    String r1;
    String m1;
    String m2;
    String o1a;
    String o1b;
    String o2;
    String t1a;
    String t1aSecond;
    String t1b;
    String t2;

    @BeforeEach
    void aRegionTwoMunicipalitiesThreeSchools() {
        RegistryFixtures fixtures = new RegistryFixtures(http);
        r1 = fixtures.region();
        m1 = fixtures.municipality(r1);
        m2 = fixtures.municipality(r1);
        o1a = fixtures.organization(m1);
        o1b = fixtures.organization(m1);
        o2 = fixtures.organization(m2);
        t1a = register(TestTokens.admin(), o1a, "Первая");
        t1aSecond = register(TestTokens.admin(), o1a, "Вторая");
        t1b = register(TestTokens.admin(), o1b, "Соседка");
        t2 = register(TestTokens.admin(), o2, "Дальняя");
    }

    @Test
    void aSchoolSystemRegistersAndSeesOnlyInItsOwnOrganisation() {
        String token = TestTokens.role("SCHOOL_SYSTEM")
                .region(r1)
                .municipality(m1)
                .organization(o1a)
                .bearer();
        String own = register(token, o1a, "Своя");
        post(token, TeacherFixtures.body(o1b, "Чужая"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        list(token, "/api/teachers")
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[?(@.organizationId!='" + o1a + "')]")
                .doesNotExist()
                .jsonPath("$[?(@.id=='" + own + "')]")
                .exists();
        list(token, "/api/teachers?organizationId=" + o1b)
                .jsonPath("$.length()")
                .isEqualTo(0);
        get(token, "/api/teachers/" + t1a).expectStatus().isOk();
        get(token, "/api/teachers/" + t1b).expectStatus().isNotFound();
        delete(token, "/api/teachers/" + t1b).expectStatus().isNotFound();
        delete(token, "/api/teachers/" + t1aSecond).expectStatus().isOk();
        list(TestTokens.admin(), "/api/teachers?organizationId=" + o1b)
                .jsonPath("$.length()")
                .isEqualTo(1);
    }

    @Test
    void aTeacherReadsOnlyThemselfAndChangesNothing() {
        String token = TestTokens.role("TEACHER")
                .region(r1)
                .municipality(m1)
                .organization(o1a)
                .teacher(t1a)
                .bearer();
        get(token, "/api/teachers/" + t1a)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lastName")
                .isEqualTo("Первая");
        get(token, "/api/teachers/" + t1aSecond)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        list(token, "/api/teachers")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(t1a);
        delete(token, "/api/teachers/" + t1a).expectStatus().isForbidden();
        delete(token, "/api/teachers/" + t1aSecond).expectStatus().isNotFound();
        post(token, TeacherFixtures.body(o1a, "Самозванка")).expectStatus().isForbidden();
        get(TestTokens.admin(), "/api/teachers/" + t1a)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
    }

    @Test
    void aMunicipalOperatorOfAnotherMunicipalityGets404OnReadAnd403OnCreate() {
        String token = TestTokens.municipalOperator(r1, m2);
        get(token, "/api/teachers/" + t1a)
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post(token, TeacherFixtures.body(o1a, "Чужая"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        delete(token, "/api/teachers/" + t1a).expectStatus().isNotFound();
        list(token, "/api/teachers?municipalityId=" + m1).jsonPath("$.length()").isEqualTo(0);
        list(token, "/api/teachers")
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].id")
                .isEqualTo(t2);
        register(token, o2, "Своя");
        String methodist =
                TestTokens.role("METHODIST").region(r1).municipality(m1).bearer();
        register(methodist, o1b, "Методистова");
        list(methodist, "/api/teachers?municipalityId=" + m1)
                .jsonPath("$.length()")
                .isEqualTo(4);
        get(TestTokens.admin(), "/api/teachers/" + t1a)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
    }

    @Test
    void missingTokensAre401() {
        http.get().uri("/api/teachers").exchange().expectStatus().isUnauthorized();
        http.post()
                .uri("/api/teachers")
                .bodyValue(TeacherFixtures.body(o1a, "Аноним"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        get(TestTokens.role("ADMIN").forged().bearer(), "/api/teachers/" + t1a)
                .expectStatus()
                .isUnauthorized();
    }

    private String register(String token, String organizationId, String lastName) {
        return (String) post(token, TeacherFixtures.body(organizationId, lastName))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private WebTestClient.BodyContentSpec list(String token, String uri) {
        return get(token, uri).expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private WebTestClient.ResponseSpec delete(String token, String uri) {
        return http.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }

    private WebTestClient.ResponseSpec post(String token, Map<String, Object> body) {
        return http.post()
                .uri("/api/teachers")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(body)
                .exchange();
    }
}
