package ru.msp.activities.informing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.support.consumer.IdempotentConsumer;
import ru.msp.support.consumer.ReadModelPoll;
import ru.msp.support.outbox.OutboxCollection;

/**
 * Informs audiences from this service's own {@code activities.v1}: a publication (or a change that widens the
 * audience) reaches the teachers of the read model at least once, whatever happened after the activity was written;
 * a teacher who arrives later is informed of the upcoming activities meant for them.
 */
@Component
class InformingListener {

    private final IdempotentConsumer consumer;
    private final Informer informer;
    private final TeacherDirectory directory;

    InformingListener(IdempotentConsumer consumer, Informer informer, TeacherDirectory directory) {
        this.consumer = consumer;
        this.informer = informer;
        this.directory = directory;
    }

    /**
     * Keeps the teacher read model (the audience of activities) and informs a teacher who joins (or moves, or changes
     * position) after an activity was published of the upcoming ones meant for them. One consumer does both: the
     * read model is written once per event, and is current when the teacher is informed.
     */
    @KafkaListener(topics = "teacher.v1", groupId = "events-service.informing-teachers")
    void onTeacher(List<ConsumerRecord<String, String>> records) {
        ReadModelPoll<AudienceMember> poll = directory.poll();
        consumer.handleOnly(
                records,
                "events-informing-teachers",
                poll::concerns,
                poll::load,
                poll::apply,
                applied -> informAfter(poll, applied));
    }

    /** The poll's teachers written first, then each one an applied event did not take away informed, once. */
    private Mono<Void> informAfter(ReadModelPoll<AudienceMember> poll, List<DomainEvent<?>> applied) {
        Set<String> teachers = applied.stream()
                .filter(event -> !(event.data() instanceof TeacherDeparted))
                .map(TeacherDirectory::teacherIdOf)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<AudienceMember> members =
                teachers.stream().flatMap(id -> poll.document(id).stream()).toList();
        return poll.store().then(informer.informTeachers(members)).then();
    }

    @KafkaListener(topics = "activities.v1", groupId = "events-service.informing")
    void on(List<ConsumerRecord<String, String>> records) {
        consumer.handleOnly(
                records,
                "events-informing",
                event -> event.data() instanceof ActivityPublished || event.data() instanceof ActivityChanged,
                this::apply);
    }

    private Mono<?> apply(DomainEvent<?> event) {
        if (event.data() instanceof ActivityPublished published) {
            return informer.inform(published.activityId());
        }
        if (event.data() instanceof ActivityChanged changed) {
            return informer.inform(changed.activityId());
        }
        return Mono.empty();
    }

    @Configuration(proxyBeanMethods = false)
    static class InformedOutbox {

        @Bean
        OutboxCollection informedCollection() {
            return new OutboxCollection(Informed.COLLECTION);
        }
    }
}
