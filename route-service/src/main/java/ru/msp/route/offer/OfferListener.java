package ru.msp.route.offer;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.support.consumer.IdempotentConsumer;

/** Keeps the offers read model (activities, seats, practices) from {@code activities.v1}. */
@Component
class OfferListener {

    private final IdempotentConsumer consumer;
    private final OfferCatalogue offers;

    OfferListener(IdempotentConsumer consumer, OfferCatalogue offers) {
        this.consumer = consumer;
        this.offers = offers;
    }

    @KafkaListener(topics = "activities.v1", groupId = "route-service.offers")
    void on(List<ConsumerRecord<String, String>> records) {
        consumer.handleOnly(records, "route-offers", OfferListener::concerns, this::apply);
    }

    /** Participation events complete route steps (ru.msp.route.route), not offers. */
    static boolean concerns(DomainEvent<?> event) {
        Object data = event.data();
        return data instanceof ActivityPublished
                || data instanceof ActivityChanged
                || data instanceof ActivityCancelled
                || data instanceof RegistrationRecorded
                || data instanceof PracticeApproved;
    }

    @SuppressWarnings("unchecked")
    private Mono<?> apply(DomainEvent<?> event) {
        if (event.data() instanceof ActivityPublished published) {
            return offers.offer(event, published.activityId(), published.facts());
        }
        if (event.data() instanceof ActivityChanged changed) {
            return offers.offer(event, changed.activityId(), changed.facts());
        }
        if (event.data() instanceof ActivityCancelled) {
            return offers.cancel((DomainEvent<ActivityCancelled>) event);
        }
        if (event.data() instanceof RegistrationRecorded) {
            return offers.seats((DomainEvent<RegistrationRecorded>) event);
        }
        if (event.data() instanceof PracticeApproved) {
            return offers.practice((DomainEvent<PracticeApproved>) event);
        }
        return Mono.empty(); // not of concern (see concerns)
    }
}
