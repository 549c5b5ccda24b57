package ru.msp.activities.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.activities.Drafts;
import ru.msp.activities.TeacherFeed;
import ru.msp.activities.activity.ActivityDraft;
import ru.msp.activities.activity.ActivityView;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.TargetGroup;
import ru.msp.testsupport.TestTokens;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The iCalendar feeds, parsed back with ical4j's own parser. */
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class CalendarFeedTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    TeacherFeed feed;
    String region = "reg-" + UUID.randomUUID();
    String municipality = "mun-" + UUID.randomUUID();
    String operator;

    @BeforeEach
    void setUp() {
        feed = new TeacherFeed(kafka, directory);
        operator = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality(municipality)
                .bearer();
    }

    @Test
    void theMunicipalityFeedIsValidIcalendarWithEveryAnnouncedActivity() throws Exception {
        String seminar = create(Drafts.seminar(region, municipality, 30));
        String course = create(Drafts.course(region, municipality, true));
        String cancelled = create(Drafts.seminar(region, municipality, 10));
        http.post()
                .uri("/api/activities/" + cancelled + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .exchange()
                .expectStatus()
                .isOk();
        String draft =
                create(Drafts.seminar(region, municipality, "MUNICIPAL", "org-imk", 5, Set.of(), List.of(), false));

        Calendar calendar = fetch("municipalityId=" + municipality, operator);
        assertThat(calendar.getProperty(Property.PRODID))
                .get()
                .extracting(Property::getValue)
                .isEqualTo(CalendarFeed.PRODID);
        assertThat(calendar.getProperty(Property.VERSION))
                .get()
                .extracting(Property::getValue)
                .isEqualTo("2.0");
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events)
                .extracting(e -> value(e, Property.UID))
                .containsExactlyInAnyOrder(seminar + "@msp.events", course + "@msp.events", cancelled + "@msp.events")
                .doesNotContain(draft + "@msp.events");
        VEvent first = byUid(events, seminar);
        assertThat(value(first, Property.DTSTART)).isEqualTo("20260302T060000Z");
        assertThat(value(first, Property.DTEND)).isEqualTo("20260302T090000Z");
        assertThat(value(first, Property.SUMMARY)).startsWith("Семинар «Формирование и оценивание");
        assertThat(value(first, Property.LOCATION)).isEqualTo("МБОУ СОШ № 23");
        assertThat(first.getProperty(Property.DTSTAMP)).isPresent();
        assertThat(value(byUid(events, course), Property.URL)).isEqualTo("https://ripk.example/courses/ces");
        assertThat(value(byUid(events, cancelled), Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(calendar.validate().getEntries()).isEmpty();

        String otherMunicipality = TestTokens.role("MUNICIPAL_OPERATOR")
                .region(region)
                .municipality("mun-" + UUID.randomUUID())
                .bearer();
        assertThat(fetch("municipalityId=" + municipality, otherMunicipality).getComponents("VEVENT"))
                .isEmpty();
    }

    @Test
    void aTeachersFeedHoldsWhatTheyRegisteredForAndWereInformedAbout() throws Exception {
        String teacher = feed.teacher(region, municipality, "org-1", "TEACHER", Set.of(TargetGroup.GIFTED));
        String registeredFor = create(Drafts.seminar(
                region, municipality, "MUNICIPAL", "org-imk", 5, Set.of(TargetGroup.MENTOR), List.of(), true));
        http.post()
                .uri("/api/activities/" + registeredFor + "/registrations")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(Map.of("teacherId", teacher))
                .exchange()
                .expectStatus()
                .isCreated();
        String informedOf = create(Drafts.seminar(
                region, municipality, "MUNICIPAL", "org-imk", 5, Set.of(TargetGroup.GIFTED), List.of(), true));
        String notForThem = create(Drafts.seminar(
                region, municipality, "MUNICIPAL", "org-imk", 5, Set.of(TargetGroup.MENTOR), List.of(), true));
        String self = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization("org-1")
                .teacher(teacher)
                .bearer();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(fetch("teacherId=" + teacher, self).<VEvent>getComponents("VEVENT"))
                                .extracting(e -> value(e, Property.UID))
                                .containsExactlyInAnyOrder(registeredFor + "@msp.events", informedOf + "@msp.events")
                                .doesNotContain(notForThem + "@msp.events"));

        String colleague = TestTokens.role("TEACHER")
                .region(region)
                .municipality(municipality)
                .organization("org-1")
                .teacher("t-" + UUID.randomUUID())
                .bearer();
        http.get()
                .uri("/api/activities/calendar.ics?teacherId=" + teacher)
                .header(HttpHeaders.AUTHORIZATION, colleague)
                .exchange()
                .expectStatus()
                .isNotFound();
        http.get()
                .uri("/api/activities/calendar.ics")
                .header(HttpHeaders.AUTHORIZATION, self)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private Calendar fetch(String query, String token) throws Exception {
        String body = http.get()
                .uri("/api/activities/calendar.ics?" + query)
                .header(HttpHeaders.AUTHORIZATION, token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.parseMediaType("text/calendar"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(body).startsWith("BEGIN:VCALENDAR\r\n");
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static VEvent byUid(List<VEvent> events, String activity) {
        return events.stream()
                .filter(e -> value(e, Property.UID).equals(activity + "@msp.events"))
                .findFirst()
                .orElseThrow();
    }

    private static String value(VEvent event, String property) {
        Optional<Property> p = event.getProperty(property);
        return p.map(Property::getValue).orElse(null);
    }

    private String create(ActivityDraft draft) {
        return http.post()
                .uri("/api/activities")
                .header(HttpHeaders.AUTHORIZATION, operator)
                .bodyValue(draft)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(ActivityView.class)
                .returnResult()
                .getResponseBody()
                .id();
    }
}
