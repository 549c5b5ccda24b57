package ru.msp.activities.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.activities.TeacherFeed;
import ru.msp.activities.activity.ActivityView;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** Seats, the waitlist and promotion, under truly concurrent requests, with the events on the real broker. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class RegistrationApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    @Autowired
    MeterRegistry meters;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String operator;
    ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeEach
    void setUp() {
        feed = new TeacherFeed(kafka, directory);
        operator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twoConcurrentRequestsForTheLastSeatGiveOneSeatAndOneWaitlistPlace() throws Exception {
        for (int round = 0; round < 3; round++) {
            String activity = activity(1);
            String a = feed.teacher(region, municipality, "org-1");
            String b = feed.teacher(region, municipality, "org-1");
            List<String> statuses = concurrently(activity, List.of(a, b));
            assertThat(statuses).containsExactlyInAnyOrder("REGISTERED", "WAITLISTED");
            assertView(activity, 0, 1, 1);
        }
    }

    @Test
    void manyConcurrentRequestsNeverOversellTheSeats() throws Exception {
        String activity = activity(3);
        List<String> teachers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            teachers.add(feed.teacher(region, municipality, "org-" + (i % 2)));
        }
        double registeredBefore = registrations("REGISTERED");
        double waitlistedBefore = registrations("WAITLISTED");
        List<String> statuses = concurrently(activity, teachers);
        assertThat(registrations("REGISTERED") - registeredBefore).isEqualTo(3.0);
        assertThat(registrations("WAITLISTED") - waitlistedBefore).isEqualTo(5.0);
        assertThat(statuses.stream().filter("REGISTERED"::equals)).hasSize(3);
        assertThat(statuses.stream().filter("WAITLISTED"::equals)).hasSize(5);
        assertView(activity, 0, 3, 5);
    }

    @Test
    void withdrawingPromotesTheFirstWaitlistedAndEveryChangeIsAnEvent() {
        String activity = activity(1);
        String first = feed.teacher(region, municipality, "org-1");
        String second = feed.teacher(region, municipality, "org-2");
        String third = feed.teacher(region, municipality, "org-2");
        try (EventProbe probe = new EventProbe("activities.v1")) {
            register(activity, first, operator).expectStatus().isCreated();
            register(activity, second, operator)
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("WAITLISTED")
                    .jsonPath("$.waitlistPosition")
                    .isEqualTo(1);
            register(activity, third, operator)
                    .expectBody()
                    .jsonPath("$.waitlistPosition")
                    .isEqualTo(2);
            // a teacher withdraws themself
            String firstToken = TestTokens.role("TEACHER")
                    .region(region)
                    .municipality(municipality)
                    .organization("org-1")
                    .teacher(first)
                    .bearer();
            http.delete()
                    .uri("/api/activities/" + activity + "/registrations/" + first)
                    .header(HttpHeaders.AUTHORIZATION, firstToken)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("WITHDRAWN");
            http.get()
                    .uri("/api/activities/" + activity + "/registrations")
                    .header(HttpHeaders.AUTHORIZATION, operator)
                    .exchange()
                    .expectBody()
                    .jsonPath("$[?(@.teacherId=='" + second + "')].status")
                    .isEqualTo("REGISTERED")
                    .jsonPath("$[?(@.teacherId=='" + third + "')].waitlistPosition")
                    .isEqualTo(1)
                    .jsonPath("$[?(@.teacherId=='" + first + "')]")
                    .doesNotExist();

            var events = probe.await(
                    e -> e.type() == EventCatalog.REGISTRATION_RECORDED
                            && ((RegistrationRecorded) e.data()).activityId().equals(activity),
                    5,
                    Duration.ofSeconds(60));
            assertThat(events)
                    .extracting(e -> (RegistrationRecorded) e.data())
                    .extracting(r -> r.teacherId() + ":" + r.status() + ":" + r.seatsLeft())
                    .containsExactlyInAnyOrder(
                            first + ":REGISTERED:0",
                            second + ":WAITLISTED:0",
                            third + ":WAITLISTED:0",
                            first + ":WITHDRAWN:0",
                            second + ":PROMOTED:0");
            assertThat(events)
                    .allSatisfy(e -> assertThat(e.scope().municipalityId()).isEqualTo(municipality));
        }
    }

    @Test
    void aLargerCapacitySeatsTheWaitlist() {
        String activity = activity(1);
        String first = feed.teacher(region, municipality, "org-1");
        String second = feed.teacher(region, municipality, "org-1");
        register(activity, first, operator).expectStatus().isCreated();
        register(activity, second, operator).expectStatus().isCreated();
        http.put()
                .uri("/api/activities/" + activity)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Drafts.seminar(region, municipality, 2))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.registeredCount")
                .isEqualTo(2)
                .jsonPath("$.waitlistCount")
                .isEqualTo(0);
        http.put()
                .uri("/api/activities/" + activity)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Drafts.seminar(region, municipality, 1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("capacity");
    }

    @Test
    void repeatingARegistrationChangesNothing() {
        String activity = activity(5);
        String teacher = feed.teacher(region, municipality, "org-1");
        register(activity, teacher, operator).expectStatus().isCreated();
        register(activity, teacher, operator)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REGISTERED");
        assertView(activity, 4, 1, 0);
    }

    @Test
    void unknownTeachersAndClosedActivitiesAreRefused() {
        String activity = activity(5);
        register(activity, "t-nobody-" + UUID.randomUUID(), operator)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("teacherId");
        http.post()
                .uri("/api/activities/" + activity + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectStatus()
                .isOk();
        register(activity, feed.teacher(region, municipality, "org-1"), operator)
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void noOneRegistersOrSeesTeachersOutsideTheirScope() {
        String activity = activity(5);
        String teacher = feed.teacher(region, municipality, "org-1");
        String colleague = feed.teacher(region, municipality, "org-1");
        String otherMunicipality = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        register(activity, teacher, otherMunicipality).expectStatus().isForbidden();
        http.get()
                .uri("/api/activities/" + activity + "/registrations")
                .header(HttpHeaders.AUTHORIZATION, otherMunicipality)
                .exchange()
                .expectStatus()
                .isNotFound();
        String otherSchool = TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization("org-2")
                .bearer();
        register(activity, teacher, otherSchool).expectStatus().isForbidden();
        String self = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization("org-1")
                .teacher(teacher)
                .bearer();
        register(activity, colleague, self).expectStatus().isForbidden();
        register(activity, teacher, self).expectStatus().isCreated();
        register(activity, colleague, operator).expectStatus().isCreated();
        http.get()
                .uri("/api/activities/" + activity + "/registrations")
                .header(HttpHeaders.AUTHORIZATION, self)
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].teacherId")
                .isEqualTo(teacher);
        assertView(activity, 3, 2, 0);
    }

    private double registrations(String status) {
        var counter =
                meters.find("msp_registrations_total").tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    private String activity(int capacity) {
        return http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Drafts.seminar(region, municipality, capacity))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private WebTestClient.ResponseSpec register(String activity, String teacher, String token) {
        return http.post()
                .uri("/api/activities/" + activity + "/registrations")
                .header(HttpHeaders.AUTHORIZATION, token)
                .bodyValue(Map.of("teacherId", teacher))
                .exchange();
    }

    /** Fires every registration at once from its own thread, released together by a latch. */
    private List<String> concurrently(String activity, List<String> teachers) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> futures = new ArrayList<>();
        for (String teacher : teachers) {
            Callable<String> call = () -> {
                start.await();
                EntityExchangeResult<RegistrationView> result = register(activity, teacher, operator)
                        .expectStatus()
                        .isCreated()
                        .expectBody(RegistrationView.class)
                        .returnResult();
                return result.getResponseBody().status();
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<String> f : futures) {
            statuses.add(f.get());
        }
        return statuses;
    }

    private void assertView(String activity, int seatsLeft, int registered, int waitlisted) {
        http.get()
                .uri("/api/activities/" + activity)
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectBody()
                .jsonPath("$.seatsLeft")
                .isEqualTo(seatsLeft)
                .jsonPath("$.registeredCount")
                .isEqualTo(registered)
                .jsonPath("$.waitlistCount")
                .isEqualTo(waitlisted);
    }
}
