package ru.msp.activities.teacher;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.consumer.IdempotentConsumer;

/** Keeps the teacher read model (the audience of activities) from {@code teacher.v1}. */
@Component
class TeacherListener {

    private final IdempotentConsumer consumer;
    private final TeacherDirectory directory;

    TeacherListener(IdempotentConsumer consumer, TeacherDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(topics = "teacher.v1", groupId = "events-service.teachers")
    void on(ConsumerRecord<String, String> record) {
        consumer.handle(record, "events-teachers", this::apply);
    }

    private Mono<?> apply(DomainEvent<?> event) {
        if (event.data() instanceof TeacherRegistered registered) {
            return both(event, registered.teacherId(), registered.facts());
        }
        if (event.data() instanceof TeacherUpdated updated) {
            return both(event, updated.teacherId(), updated.facts());
        }
        if (event.data() instanceof TeacherTransferred moved) {
            return directory.place(
                    moved.teacherId(),
                    event.scope().regionId(),
                    moved.toMunicipalityId() != null
                            ? moved.toMunicipalityId()
                            : event.scope().municipalityId(),
                    moved.toOrganizationId(),
                    event.time());
        }
        if (event.data() instanceof TeacherDeparted departed) {
            return directory.departed(departed.teacherId(), event.scope(), event.time());
        }
        return Mono.empty(); // regions, organisations, communities, mentorships are not needed here
    }

    private Mono<Void> both(DomainEvent<?> event, String teacherId, TeacherFacts facts) {
        return directory
                .place(teacherId, event.scope(), facts.organizationId(), event.time())
                .then(directory.facts(teacherId, event.scope(), facts.position(), facts.targetGroups(), event.time()));
    }
}
