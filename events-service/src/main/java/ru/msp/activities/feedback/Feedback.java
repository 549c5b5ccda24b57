package ru.msp.activities.feedback;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A participant's questionnaire after an activity (seed 003: usefulness, relevance, satisfaction), one per teacher
 * and activity (the id). Carries the activity's organiser and competencies so summaries need no join.
 */
@Document(Feedback.COLLECTION)
public record Feedback(
        @Id String id,
        String activityId,
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        String organizerId,
        List<String> competencyCodes,
        int usefulness,
        int relevance,
        int satisfaction,
        String comment,
        Instant submittedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "feedback";

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    boolean sameAnswers(Feedback other) {
        return usefulness == other.usefulness
                && relevance == other.relevance
                && satisfaction == other.satisfaction
                && java.util.Objects.equals(comment, other.comment);
    }
}
