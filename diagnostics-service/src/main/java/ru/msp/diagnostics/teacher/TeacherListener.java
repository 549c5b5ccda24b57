package ru.msp.diagnostics.teacher;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.msp.support.consumer.IdempotentConsumer;
import ru.msp.support.consumer.ReadModelPoll;

/** Keeps the teacher read model from {@code teacher.v1}; failures are retried, then dead-lettered by the platform. */
@Component
class TeacherListener {

    private final IdempotentConsumer consumer;
    private final TeacherDirectory directory;

    TeacherListener(IdempotentConsumer consumer, TeacherDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @KafkaListener(topics = "teacher.v1", groupId = "diagnostics-service.teachers")
    void on(List<ConsumerRecord<String, String>> records) {
        ReadModelPoll<KnownTeacher> poll = directory.poll();
        consumer.handleOnly(
                records, "diagnostics-teachers", poll::concerns, poll::load, poll::apply, applied -> poll.store());
    }
}
