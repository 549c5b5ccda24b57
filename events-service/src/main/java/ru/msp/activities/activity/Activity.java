package ru.msp.activities.activity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A methodical activity with the events its last write caused. Visible across its municipality (teachers and schools
 * of the municipality see it); changed only within its scope: a school-level activity by its own school.
 */
@Document(Activity.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Activity(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizerId,
        String title,
        ActivityKind kind,
        String level,
        List<String> competencyCodes,
        Set<TargetGroup> targetGroups,
        List<String> positions,
        String format,
        String place,
        String link,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        CourseDetails course,
        List<CompetitionStage> stages,
        ActivityStatus status,
        String cancelReason,
        Integer seatsLeft,
        List<String> registered,
        List<String> waitlist,
        long version,
        Instant createdAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "activities";

    /** The same activity carrying these unpublished events. */
    Activity withOutbox(List<PendingEvent> events) {
        return new Activity(
                id,
                regionId,
                municipalityId,
                organizerId,
                title,
                kind,
                level,
                competencyCodes,
                targetGroups,
                positions,
                format,
                place,
                link,
                startsAt,
                endsAt,
                capacity,
                course,
                stages,
                status,
                cancelReason,
                seatsLeft,
                registered,
                waitlist,
                version,
                createdAt,
                events);
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, "SCHOOL".equals(level) ? organizerId : null, null);
    }

    public Seating seating() {
        return new Seating(capacity, registered, waitlist);
    }

    public boolean isCourse() {
        return kind == ActivityKind.COURSE;
    }

    public ActivityFacts facts() {
        return new ActivityFacts(
                kind.name(),
                level,
                organizerId,
                competencyCodes,
                targetGroups,
                positions,
                format,
                startsAt,
                endsAt,
                capacity,
                course == null ? null : course.hours(),
                course != null && course.federalRegistry());
    }
}
