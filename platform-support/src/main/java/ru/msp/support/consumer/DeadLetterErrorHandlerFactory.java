package ru.msp.support.consumer;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import ru.msp.contracts.MalformedEventException;
import ru.msp.support.observability.MessagingMetrics;

/**
 * The error handler of every listener container: retries with exponential back-off, then publishes the record to
 * {@code <topic>.DLT} (same partition) and moves on, so one poison record never blocks its partition. Records that
 * cannot be decoded are dead-lettered at once: retrying cannot fix them.
 */
public final class DeadLetterErrorHandlerFactory {

    private DeadLetterErrorHandlerFactory() {}

    public static DefaultErrorHandler create(
            KafkaOperations<?, ?> template,
            MessagingMetrics metrics,
            int maxRetries,
            Duration initialInterval,
            Duration maxInterval) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                template, (record, ex) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(maxRetries);
        backOff.setInitialInterval(initialInterval.toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(maxInterval.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, ex) -> {
                    recoverer.accept(record, ex);
                    metrics.deadLettered(record.topic());
                },
                backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setRetryListeners((record, ex, deliveryAttempt) -> metrics.retried(record.topic()));
        return handler;
    }
}
