package ru.msp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as one system: every service its own process, a real Kafka broker, everything through the gateway
 * with tokens from {@code ./platform token}. Two regions and three municipalities: m1 and m2 in r1, m3 in r2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformThroughGatewayTest {

    static final String R1 = "reg-51";
    static final String R2 = "reg-52";
    final String m1 = "mun-" + UUID.randomUUID();
    final String m2 = "mun-" + UUID.randomUUID();
    final String m3 = "mun-" + UUID.randomUUID();

    RunningPlatform platform;
    Api api;
    String admin;

    @BeforeAll
    void start() {
        platform = RunningPlatform.shared();
        api = new Api(platform.gateway());
        admin = platform.token("--role", "ADMIN");
    }

    @Test
    @Order(0)
    void upLoadedTheDemoPopulationThroughTheApi() {
        JsonNode regions = api.get(admin, "/api/regions").body();
        List<String> codes = new ArrayList<>();
        regions.forEach(r -> codes.add(r.path("code").asText()));
        assertThat(codes).contains("66", "59", "61", "50");
        for (JsonNode region : regions) {
            if (!List.of("66", "59", "61", "50").contains(region.path("code").asText())) {
                continue;
            }
            JsonNode municipalities = api.get(
                            admin,
                            "/api/municipalities?regionId=" + region.path("id").asText())
                    .body();
            assertThat(municipalities.size()).as("municipalities of %s", region).isGreaterThanOrEqualTo(3);
            JsonNode first = municipalities.get(0);
            assertThat(first.path("programPreset").asText()).isNotBlank();
            JsonNode teachers = api.get(
                            admin,
                            "/api/teachers?municipalityId=" + first.path("id").asText())
                    .body();
            assertThat(teachers.toString()).as("teachers of %s", first).contains("\"birthDate\"");
        }
    }

    @Test
    @Order(1)
    void everyAreaRefusesAnonymousMalformedAndForgedCallers() {
        String forged = admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
        String malformed = "not-a-jwt"; // expired tokens are covered per service (Spring allows 60 s of clock skew)
        for (String path : List.of(
                "/api/regions",
                "/api/competencies",
                "/api/activities",
                "/api/routes/offers?municipalityId=" + m1,
                "/api/indicators/definitions")) {
            for (String token : new String[] {null, forged, malformed}) {
                Api.Answer answer = api.get(token, path);
                assertThat(answer.status())
                        .as("%s with %s", path, token == null ? "no token" : "a bad token")
                        .isEqualTo(401);
                assertThat(answer.contentType()).startsWith("application/problem+json");
            }
            assertThat(api.get(admin, path).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void noReadOrWriteCrossesItsScope() {
        assertThat(api.post(admin, "/api/regions", "{\"code\":\"51\",\"name\":\"Свердловская область\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(admin, "/api/regions", "{\"code\":\"52\",\"name\":\"Пермский край\"}")
                        .status())
                .isEqualTo(201);
        String a1 = created(api.post(admin, "/api/activities", seminar(R1, m1, "MUNICIPAL", "org-gmc-1")));
        String a2 = created(api.post(admin, "/api/activities", seminar(R1, m2, "MUNICIPAL", "org-gmc-2")));
        String a3 = created(api.post(admin, "/api/activities", seminar(R2, m3, "MUNICIPAL", "org-gmc-3")));

        String regional = platform.token("--role", "REGIONAL_OPERATOR", "--region", R1);
        assertThat(ids(api.get(regional, "/api/activities"))).contains(a1, a2).doesNotContain(a3);
        assertThat(ids(api.get(regional, "/api/regions"))).containsExactly(R1);
        assertThat(api.get(regional, "/api/activities/" + a3).status()).isEqualTo(404);
        assertThat(api.post(regional, "/api/activities", seminar(R2, m3, "MUNICIPAL", "org-x"))
                        .status())
                .isEqualTo(403);

        String municipal = platform.token("--role", "MUNICIPAL_OPERATOR", "--region", R1, "--municipality", m1);
        assertThat(ids(api.get(municipal, "/api/activities"))).contains(a1).doesNotContain(a2, a3);
        assertThat(api.get(municipal, "/api/activities/" + a2).status()).isEqualTo(404);
        assertThat(api.post(municipal, "/api/activities", seminar(R1, m2, "MUNICIPAL", "org-x"))
                        .status())
                .isEqualTo(403);

        String school = platform.token(
                "--role", "SCHOOL_SYSTEM", "--region", R1, "--municipality", m1, "--organization", "org-s1");
        assertThat(api.post(school, "/api/activities", seminar(R1, m1, "MUNICIPAL", "org-s1"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(school, "/api/activities", seminar(R1, m1, "SCHOOL", "org-s2"))
                        .status())
                .as("a school system cannot touch another school")
                .isEqualTo(403);
        assertThat(api.post(school, "/api/activities", seminar(R1, m1, "SCHOOL", "org-s1"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(school, "/api/regions", "{\"code\":\"53\",\"name\":\"x\"}")
                        .status())
                .isEqualTo(403);

        String teacher =
                platform.token("--role", "TEACHER", "--region", R2, "--municipality", m3, "--teacher", "tch-1");
        assertThat(ids(api.get(teacher, "/api/activities"))).containsExactly(a3);
    }

    @Test
    @Order(3)
    void aPublishedActivityBecomesAnOfferForRoutesThroughKafka() {
        String activity = created(api.post(admin, "/api/activities", seminar(R1, m1, "MUNICIPAL", "org-gmc-1")));
        String methodist = platform.token("--role", "METHODIST", "--region", R1, "--municipality", m1);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(offers(methodist, m1)).contains(activity));
    }

    @Test
    @Order(4)
    void aKilledServiceAnswers503WhileOthersWorkAndCatchesUpAfterRestart() throws Exception {
        // SIGKILL, as `kill -9`: no shutdown hooks, no goodbye to the consumer group
        ProcessHandle route = ProcessHandle.of(platform.pid("route")).orElseThrow();
        assertThat(route.destroyForcibly()).isTrue();
        route.onExit().get();

        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Answer answer = api.get(admin, "/api/routes/offers?municipalityId=" + m1);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        System.out.printf("route-service down: 503 after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(api.get(admin, "/api/activities").status()).isEqualTo(200);

        // written while route-service is down: it must arrive once it is back
        String whileDown = created(api.post(admin, "/api/activities", seminar(R1, m1, "MUNICIPAL", "org-gmc-1")));
        platform.up();

        String methodist = platform.token("--role", "METHODIST", "--region", R1, "--municipality", m1);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(offers(methodist, m1)).contains(whileDown));
    }

    private List<String> offers(String token, String municipality) {
        Api.Answer answer = api.get(token, "/api/routes/offers?municipalityId=" + municipality);
        assertThat(answer.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.body().forEach(offer -> ids.add(offer.get("activityId").asText()));
        return ids;
    }

    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private static List<String> ids(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode node : answer.body()) {
            ids.add(node.get("id").asText());
        }
        return ids;
    }

    private static String seminar(String region, String municipality, String level, String organizer) {
        return """
                {"regionId":"%s","municipalityId":"%s","organizerId":"%s","title":"Семинар: читательская грамотность",
                 "kind":"SEMINAR","level":"%s","competencyCodes":["READING_LITERACY"],"positions":["TEACHER"],
                 "format":"IN_PERSON","place":"ГМЦ","startsAt":"2027-02-02T06:00:00Z","endsAt":"2027-02-02T09:00:00Z",
                 "capacity":40}
                """.formatted(region, municipality, organizer, level);
    }
}
