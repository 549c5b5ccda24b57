package ru.msp.activities.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.activities.TeacherFeed;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The audience read model fed from {@code teacher.v1} on the real broker. */
// the same context configuration as every other test class here: one cached context, never paused and restarted
// (OutboxRelay cannot start again after a stop, see README)
@WithPlatformInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT60S") // generous: the build machine is shared
class TeacherReadModelTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    @Test
    void aRegisteredTeacherIsKnownWithScopePositionAndGroups() {
        TeacherFeed feed = new TeacherFeed(kafka, directory);
        String municipality = "mun-" + UUID.randomUUID();
        String id = feed.teacher("reg-66", municipality, "org-5", "DEPUTY_DIRECTOR", Set.of(TargetGroup.MENTOR));
        AudienceMember member = directory.byId(id).block();
        assertThat(member.municipalityId()).isEqualTo(municipality);
        assertThat(member.regionId()).isEqualTo("reg-66");
        assertThat(member.organizationId()).isEqualTo("org-5");
        assertThat(member.position()).isEqualTo("DEPUTY_DIRECTOR");
        assertThat(member.targetGroups()).containsExactly(TargetGroup.MENTOR);
        assertThat(member.active()).isTrue();
        assertThat(directory
                        .within("reg-66", municipality, null)
                        .map(AudienceMember::id)
                        .collectList()
                        .block())
                .containsExactly(id);
    }

    @Test
    void olderEventsArrivingLateAndRedeliveriesDoNotOverwriteNewerState() {
        TeacherFeed feed = new TeacherFeed(kafka, directory);
        String id = "t-" + UUID.randomUUID();
        String m1 = "mun-" + UUID.randomUUID();
        String m2 = "mun-" + UUID.randomUUID();
        EventScope old = new EventScope("reg-66", m1, "org-1");
        EventScope moved = new EventScope("reg-66", m2, "org-2");
        // the transfer and an update come first; the registration they follow arrives last
        DomainEvent<TeacherTransferred> transfer = feed.send(
                EventCatalog.TEACHER_TRANSFERRED,
                moved,
                T0.plusSeconds(60),
                new TeacherTransferred(id, "org-1", "org-2", m2, LocalDate.of(2026, 1, 10)));
        feed.send(transfer); // redelivered
        feed.send(
                EventCatalog.TEACHER_UPDATED,
                moved,
                T0.plusSeconds(120),
                new TeacherUpdated(id, TeacherFeed.facts("org-2", "METHODIST", Set.of(TargetGroup.GIFTED))));
        feed.send(
                EventCatalog.TEACHER_REGISTERED,
                old,
                T0,
                new TeacherRegistered(id, TeacherFeed.facts("org-1", "TEACHER", Set.of())));
        feed.send(
                EventCatalog.TEACHER_DEPARTED,
                moved,
                T0.plusSeconds(180),
                new TeacherDeparted(id, "org-2", LocalDate.of(2026, 1, 11)));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> directory
                        .byId(id)
                        .map(AudienceMember::departed)
                        .blockOptional()
                        .orElse(false));
        AudienceMember member = directory.byId(id).block();
        assertThat(member.municipalityId()).isEqualTo(m2);
        assertThat(member.organizationId()).isEqualTo("org-2");
        assertThat(member.position()).isEqualTo("METHODIST");
        assertThat(member.targetGroups()).containsExactly(TargetGroup.GIFTED);
        assertThat(member.active()).isFalse();
        assertThat(directory.within("reg-66", m2, null).collectList().block()).isEmpty();
    }
}
