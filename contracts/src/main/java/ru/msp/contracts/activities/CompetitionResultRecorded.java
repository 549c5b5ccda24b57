package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** A competition result: {@code outcome} PARTICIPANT, LAUREATE or WINNER at {@code stageLevel}. */
public record CompetitionResultRecorded(String activityId, String teacherId, String outcome, String stageLevel)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
