package ru.msp.contracts.activities;

import java.util.List;
import ru.msp.contracts.EventPayload;

/** A practice entered the bank of practices (approved), possibly presented at an activity. */
public record PracticeApproved(
        String practiceId,
        String organizationId,
        List<String> authorTeacherIds,
        List<String> competencyCodes,
        String presentedLevel,
        String activityId)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return practiceId;
    }
}
