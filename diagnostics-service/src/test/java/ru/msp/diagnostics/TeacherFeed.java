package ru.msp.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.diagnostics.teacher.KnownTeacher;
import ru.msp.diagnostics.teacher.TeacherDirectory;

/** Publishes {@code teacher.v1} events as teacher-service would, and waits until the read model has them. */
public final class TeacherFeed {

    private final KafkaTemplate<String, String> kafka;
    private final TeacherDirectory directory;

    public TeacherFeed(KafkaTemplate<String, String> kafka, TeacherDirectory directory) {
        this.kafka = kafka;
        this.directory = directory;
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public static TeacherFacts facts(String organizationId, String position, Set<TargetGroup> groups) {
        return new TeacherFacts(
                organizationId,
                position,
                List.of("MATHEMATICS"),
                LocalDate.of(1990, 3, 1),
                LocalDate.of(2015, 9, 1),
                "NONE",
                null,
                groups,
                false,
                Set.of(),
                false);
    }

    public <P extends EventPayload> DomainEvent<P> event(EventType<P> type, EventScope scope, Instant time, P payload) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(), "/msp/teacher-service", type, time, scope, null, null, payload);
    }

    public void publish(DomainEvent<?> event) {
        try {
            kafka.send(event.topic().name(), event.subject(), CloudEventCodec.encodeToString(event))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a teacher and waits for the read model to know them. */
    public String register(EventScope scope, String position, Set<TargetGroup> groups) {
        String teacherId = id("tch");
        publish(event(
                EventCatalog.TEACHER_REGISTERED,
                scope,
                Instant.now(),
                new TeacherRegistered(teacherId, facts(scope.organizationId(), position, groups))));
        awaitTeacher(teacherId, KnownTeacher::known);
        return teacherId;
    }

    public KnownTeacher awaitTeacher(String teacherId, java.util.function.Predicate<KnownTeacher> condition) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> directory.byId(teacherId).block(), t -> t != null && condition.test(t));
    }
}
