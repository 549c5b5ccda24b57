package ru.msp.activities.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Averages of questionnaires (1-5 each, two decimals); null averages when nobody answered. */
public record FeedbackSummary(
        String activityId,
        String organizerId,
        String competency,
        int count,
        BigDecimal usefulness,
        BigDecimal relevance,
        BigDecimal satisfaction) {

    static FeedbackSummary of(String activityId, String organizerId, String competency, List<Feedback> answers) {
        return new FeedbackSummary(
                activityId,
                organizerId,
                competency,
                answers.size(),
                average(answers.stream().mapToInt(Feedback::usefulness).sum(), answers.size()),
                average(answers.stream().mapToInt(Feedback::relevance).sum(), answers.size()),
                average(answers.stream().mapToInt(Feedback::satisfaction).sum(), answers.size()));
    }

    private static BigDecimal average(int sum, int count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
