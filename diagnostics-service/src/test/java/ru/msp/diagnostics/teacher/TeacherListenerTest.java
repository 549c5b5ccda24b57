package ru.msp.diagnostics.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.diagnostics.TeacherFeed;
import ru.msp.testsupport.EventProbe;
import ru.msp.testsupport.WithPlatformInfrastructure;

@WithPlatformInfrastructure
@SpringBootTest
class TeacherListenerTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    TeacherDirectory directory;

    TeacherFeed feed;
    EventScope school;

    @BeforeEach
    void aSchool() {
        feed = new TeacherFeed(kafka, directory);
        school = new EventScope(TeacherFeed.id("reg"), TeacherFeed.id("mun"), TeacherFeed.id("org"));
    }

    @Test
    void anUpdatePublishedBeforeItsRegistrationWinsAndADuplicateChangesNothing() {
        String teacherId = TeacherFeed.id("tch");
        Instant registeredAt = Instant.now().minusSeconds(60);
        DomainEvent<TeacherUpdated> update = feed.event(
                EventCatalog.TEACHER_UPDATED,
                school,
                registeredAt.plusSeconds(30),
                new TeacherUpdated(
                        teacherId,
                        TeacherFeed.facts(school.organizationId(), "METHODIST", Set.of(TargetGroup.GIFTED))));
        feed.publish(update);
        feed.publish(feed.event(
                EventCatalog.TEACHER_REGISTERED,
                school,
                registeredAt,
                new TeacherRegistered(teacherId, TeacherFeed.facts(school.organizationId(), "TEACHER", Set.of()))));
        feed.publish(update);
        DomainEvent<TeacherDeparted> departure = feed.event(
                EventCatalog.TEACHER_DEPARTED,
                school,
                Instant.now(),
                new TeacherDeparted(teacherId, school.organizationId(), LocalDate.now()));
        feed.publish(departure);

        KnownTeacher teacher = feed.awaitTeacher(teacherId, KnownTeacher::departed);

        assertThat(teacher.position()).isEqualTo("METHODIST");
        assertThat(teacher.targetGroups()).containsExactly(TargetGroup.GIFTED);
        assertThat(teacher.regionId()).isEqualTo(school.regionId());
        assertThat(teacher.municipalityId()).isEqualTo(school.municipalityId());
        assertThat(teacher.organizationId()).isEqualTo(school.organizationId());
        // MongoDB keeps milliseconds
        assertThat(teacher.factsAt()).isEqualTo(update.time().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextEventIsStillApplied() throws Exception {
        String key = TeacherFeed.id("poison");
        try (EventProbe dlt = new EventProbe("teacher.v1.DLT")) {
            kafka.send("teacher.v1", key, "{not a cloud event").get(10, TimeUnit.SECONDS);
            String teacherId = feed.register(school, "TUTOR", Set.of());

            assertThat(dlt.awaitRecords(r -> key.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{not a cloud event"));
            assertThat(directory.byId(teacherId).block().position()).isEqualTo("TUTOR");
        }
    }
}
