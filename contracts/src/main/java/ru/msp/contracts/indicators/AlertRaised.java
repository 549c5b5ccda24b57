package ru.msp.contracts.indicators;

import ru.msp.contracts.EventPayload;

/**
 * Something an operator must act on.
 *
 * @param kind BELOW_TARGET, TARGET_GROUP_NOT_DIAGNOSED, ROUTES_STALLED or NO_MENTORING_PAIRS
 * @param subjectId what it is about: an indicator code, a target group, a route or an organisation
 */
public record AlertRaised(
        String alertId, String municipalityId, String kind, String subjectId, String period, String detail)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return municipalityId;
    }
}
