package ru.msp.contracts;

/**
 * A Kafka topic owned by exactly one service. Every record on it is a CloudEvent in JSON structured mode whose
 * Kafka key is the CloudEvent {@code subject}: the id of the aggregate named by {@link #keyedBy()}.
 */
public record Topic(String name, String owner, String keyedBy, int partitions) {

    /** Where records that could not be processed after retries are parked, one per source topic. */
    public String deadLetterTopic() {
        return name + ".DLT";
    }
}
