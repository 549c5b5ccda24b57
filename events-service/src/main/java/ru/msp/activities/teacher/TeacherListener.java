package ru.msp.activities.teacher;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
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
    void on(List<ConsumerRecord<String, String>> records) {
        consumer.handle(records, "events-teachers", this::apply);
    }

    private Mono<?> apply(DomainEvent<?> event) {
        return directory.apply(event);
    }
}
