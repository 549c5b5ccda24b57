package ru.msp.support.outbox;

/** Declares a MongoDB collection whose documents carry an outbox; the relay watches every declared one. */
public record OutboxCollection(String name) {}
