package ru.msp.activities.activity;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/** An activity as the API shows it. */
public record ActivityView(
        String id,
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
        int registeredCount,
        int waitlistCount) {

    static ActivityView of(Activity a) {
        return new ActivityView(
                a.id(),
                a.regionId(),
                a.municipalityId(),
                a.organizerId(),
                a.title(),
                a.kind(),
                a.level(),
                a.competencyCodes(),
                a.targetGroups(),
                a.positions(),
                a.format(),
                a.place(),
                a.link(),
                a.startsAt(),
                a.endsAt(),
                a.capacity(),
                a.course(),
                a.stages(),
                a.status(),
                a.cancelReason(),
                a.seatsLeft(),
                a.registered() == null ? 0 : a.registered().size(),
                a.waitlist() == null ? 0 : a.waitlist().size());
    }
}
