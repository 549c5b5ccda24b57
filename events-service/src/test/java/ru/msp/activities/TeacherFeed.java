package ru.msp.activities;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;

/** Puts teachers into events-service's read model the way teacher-service does: events on the real broker. */
public record TeacherFeed(KafkaTemplate<String, String> kafka, TeacherDirectory directory) {

    public static TeacherFacts facts(String organizationId, String position, Set<TargetGroup> groups) {
        return new TeacherFacts(
                organizationId,
                position,
                List.of("MATH"),
                LocalDate.of(1995, 3, 1),
                LocalDate.of(2022, 9, 1),
                "NONE",
                null,
                groups,
                false,
                Set.of(),
                false);
    }

    /** Registers a teacher and waits until the read model knows them. */
    public String teacher(String region, String municipality, String organization) {
        return teacher(region, municipality, organization, "TEACHER", Set.of());
    }

    public String teacher(
            String region, String municipality, String organization, String position, Set<TargetGroup> groups) {
        String id = "t-" + UUID.randomUUID();
        send(
                EventCatalog.TEACHER_REGISTERED,
                new EventScope(region, municipality, organization),
                Instant.now(),
                new TeacherRegistered(id, facts(organization, position, groups)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> directory.byId(id).blockOptional().isPresent());
        return id;
    }

    public <P extends EventPayload> DomainEvent<P> send(EventType<P> type, EventScope scope, Instant time, P data) {
        DomainEvent<P> event = new DomainEvent<>(
                UUID.randomUUID().toString(), "/msp/teacher-service", type, time, scope, "corr", null, data);
        send(event);
        return event;
    }

    public void send(DomainEvent<?> event) {
        kafka.send("teacher.v1", event.subject(), CloudEventCodec.encodeToString(event))
                .join();
    }
}
