package ru.msp.activities.informing;

import java.util.Collections;
import java.util.Objects;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.teacher.AudienceMember;

/**
 * Who an activity is for: teachers of its territory by level (a school-level activity its organising school, a
 * municipal one the municipality, regional and federal ones the region), of the positions and target groups it names
 * (none named means all). Plain rules.
 */
public final class Audience {

    private Audience() {}

    public static boolean includes(Activity activity, AudienceMember teacher) {
        if (!teacher.active()) {
            return false;
        }
        boolean territory = switch (activity.level()) {
            case "SCHOOL" -> Objects.equals(teacher.organizationId(), activity.organizerId());
            case "MUNICIPAL" -> Objects.equals(teacher.municipalityId(), activity.municipalityId());
            default -> Objects.equals(teacher.regionId(), activity.regionId());
        };
        if (!territory) {
            return false;
        }
        if (activity.positions() != null
                && !activity.positions().isEmpty()
                && !activity.positions().contains(teacher.position())) {
            return false;
        }
        return activity.targetGroups() == null
                || activity.targetGroups().isEmpty()
                || (teacher.targetGroups() != null
                        && !Collections.disjoint(activity.targetGroups(), teacher.targetGroups()));
    }

    /** The territory to look teachers up in: region, municipality (or null), organisation (or null). */
    static String[] territory(Activity activity) {
        return switch (activity.level()) {
            case "SCHOOL" -> new String[] {activity.regionId(), activity.municipalityId(), activity.organizerId()};
            case "MUNICIPAL" -> new String[] {activity.regionId(), activity.municipalityId(), null};
            default -> new String[] {activity.regionId(), null, null};
        };
    }
}
