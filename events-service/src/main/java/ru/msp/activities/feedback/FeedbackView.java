package ru.msp.activities.feedback;

import java.time.Instant;

public record FeedbackView(
        String activityId,
        String teacherId,
        int usefulness,
        int relevance,
        int satisfaction,
        String comment,
        Instant submittedAt) {

    static FeedbackView of(Feedback f) {
        return new FeedbackView(
                f.activityId(),
                f.teacherId(),
                f.usefulness(),
                f.relevance(),
                f.satisfaction(),
                f.comment(),
                f.submittedAt());
    }
}
