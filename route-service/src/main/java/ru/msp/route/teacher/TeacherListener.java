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
        // facts and transfers are written together at the end of the poll; departures and mentoring pairs (rare, and
        // not guarded by time) as they come: a departure stays whichever is written first
        TeacherCards.CardChanges changes = cards.changes();
        consumer.handleOnly(
                records,
                "route-teachers",
                TeacherListener::concerns,
                toApply -> Mono.empty(),
                event -> apply(event, changes),
                applied -> changes.write());
    }

    /** Territories, organisations and memberships are not needed for routes. */
    static boolean concerns(DomainEvent<?> event) {
        Object data = event.data();
        return data instanceof TeacherRegistered
                || data instanceof TeacherUpdated
                || data instanceof TeacherTransferred
                || data instanceof TeacherDeparted
                || data instanceof MentorshipStarted
                || data instanceof MentorshipEnded;
    }

    @SuppressWarnings("unchecked")
    private Mono<?> apply(DomainEvent<?> event, TeacherCards.CardChanges changes) {
        Object data = event.data();
        if (data instanceof TeacherRegistered registered) {
            return Mono.fromRunnable(() -> changes.facts(event, registered.teacherId(), registered.facts()));
        }
        if (data instanceof TeacherUpdated updated) {
            return Mono.fromRunnable(() -> changes.facts(event, updated.teacherId(), updated.facts()));
        }
        if (data instanceof TeacherTransferred) {
            return Mono.fromRunnable(() -> changes.transferred((DomainEvent<TeacherTransferred>) event));
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
        return Mono.empty(); // not of concern (see concerns)
    }
}
