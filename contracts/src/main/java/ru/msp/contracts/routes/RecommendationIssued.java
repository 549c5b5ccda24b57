package ru.msp.contracts.routes;

import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.EventPayload;

/**
 * A targeted recommendation was issued to a teacher or to a school leader.
 *
 * @param addressee TEACHER or SCHOOL_LEADER
 * @param teacherId the teacher addressed, or the school leader receiving a school-level recommendation
 */
public record RecommendationIssued(
        String recommendationId,
        String addressee,
        String teacherId,
        String organizationId,
        List<String> competencyCodes,
        LocalDate issuedOn)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId != null ? teacherId : organizationId;
    }
}
