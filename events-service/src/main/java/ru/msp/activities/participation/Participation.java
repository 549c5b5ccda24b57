package ru.msp.activities.participation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * One fact of a teacher's participation in an activity, with the event it caused: attendance on a date, a course
 * completion (certificate), or a competition result at a stage. The id is the natural key, so a re-posted fact
 * finds its document and changes nothing.
 *
 * @param kind ATTENDANCE, COMPLETION or RESULT
 * @param fingerprint the fact's values: a re-post with the same fingerprint is a no-op, a different one a correction
 */
@Document(Participation.COLLECTION)
public record Participation(
        @Id String id,
        String kind,
        String activityId,
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        LocalDate date,
        Boolean attended,
        BigDecimal hours,
        Boolean remote,
        String outcome,
        String stageLevel,
        String fingerprint,
        Instant recordedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "participation";

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }
}
