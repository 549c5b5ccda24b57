package ru.msp.contracts.activities;

import ru.msp.contracts.EventPayload;

/** A participant's questionnaire after an activity, each score 1-5. The comment stays in events-service. */
public record FeedbackReceived(String activityId, String teacherId, int usefulness, int relevance, int satisfaction)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
