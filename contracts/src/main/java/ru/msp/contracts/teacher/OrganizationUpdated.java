package ru.msp.contracts.teacher;

import java.util.Set;
import ru.msp.contracts.EventPayload;

/** An organisation's name, type or flags changed; carries the full new state. */
public record OrganizationUpdated(String organizationId, String name, String type, Set<String> flags)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return organizationId;
    }
}
