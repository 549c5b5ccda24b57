package ru.msp.activities.activity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.support.outbox.PendingEvent;

/** A methodical activity with the events its last write caused. */
@Document(Activity.COLLECTION)
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
        ActivityStatus status,
        Instant createdAt,
        List<PendingEvent> outbox) {

    public static final String COLLECTION = "activities";

    ActivityFacts facts() {
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
