package ru.msp.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The {@code data} of a CloudEvent. Carries ids and facts, never names or contacts (152-FZ). */
public interface EventPayload {

    /** The aggregate the event belongs to: the CloudEvent subject and the Kafka key. */
    @JsonIgnore
    String aggregateId();
}
