package ru.msp.indicators.programme;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.support.consumer.IdempotentConsumer;

/** Creates each new municipality's programme from {@code teacher.v1}. */
@Component
class ProgrammeListener {

    private final IdempotentConsumer consumer;
    private final ProgrammeRegistry programmes;

    ProgrammeListener(IdempotentConsumer consumer, ProgrammeRegistry programmes) {
        this.consumer = consumer;
        this.programmes = programmes;
    }

    @KafkaListener(topics = "teacher.v1", groupId = "indicators-service.programmes")
    void on(List<ConsumerRecord<String, String>> records) {
        consumer.handleOnly(
                records, "indicator-programmes", event -> event.data() instanceof MunicipalityRegistered, this::apply);
    }

    @SuppressWarnings("unchecked")
    private Mono<?> apply(DomainEvent<?> event) {
        if (event.data() instanceof MunicipalityRegistered) {
            return programmes.created((DomainEvent<MunicipalityRegistered>) event);
        }
        return Mono.empty();
    }
}
