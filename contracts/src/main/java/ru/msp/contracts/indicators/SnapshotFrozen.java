package ru.msp.contracts.indicators;

import java.time.Instant;
import ru.msp.contracts.EventPayload;

/** A yearly monitoring snapshot was frozen for a scope ({@code region:ID} or {@code municipality:ID}). */
public record SnapshotFrozen(String snapshotId, String scope, String period, Instant frozenAt) implements EventPayload {
    @Override
    public String aggregateId() {
        return scope;
    }
}
