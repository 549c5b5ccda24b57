package ru.msp.route.teacher;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.support.consumer.IdempotentConsumer;

/** Keeps the teacher read model (facts, departures, mentoring pairs) from {@code teacher.v1}. */
@Component
class TeacherListener {

    private final IdempotentConsumer consumer;
    private final TeacherCards cards;

    TeacherListener(IdempotentConsumer consumer, TeacherCards cards) {
        this.consumer = consumer;
        this.cards = cards;
    }

    @KafkaListener(topics = "teacher.v1", groupId = "route-service.teachers")
    void on(List<ConsumerRecord<String, String>> records) {
        consumer.handle(records, "route-teachers", this::apply);
    }

    @SuppressWarnings("unchecked")
    private Mono<?> apply(DomainEvent<?> event) {
        Object data = event.data();
        if (data instanceof TeacherRegistered registered) {
            return cards.facts(event, registered.teacherId(), registered.facts());
        }
        if (data instanceof TeacherUpdated updated) {
            return cards.facts(event, updated.teacherId(), updated.facts());
        }
        if (data instanceof TeacherTransferred) {
            return cards.transferred((DomainEvent<TeacherTransferred>) event);
        }
        if (data instanceof TeacherDeparted) {
            return cards.departed((DomainEvent<TeacherDeparted>) event);
        }
        if (data instanceof MentorshipStarted) {
            return cards.mentorshipStarted((DomainEvent<MentorshipStarted>) event);
        }
        if (data instanceof MentorshipEnded) {
            return cards.mentorshipEnded((DomainEvent<MentorshipEnded>) event);
        }
        return Mono.empty(); // territories, organisations, memberships: not needed for routes
    }
}
