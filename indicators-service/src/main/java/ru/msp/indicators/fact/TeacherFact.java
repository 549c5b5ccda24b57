package ru.msp.indicators.fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;

/**
 * Everything the indicators need to know of one teacher or manager, merged from every topic. Each part merges in a
 * way that does not depend on the order events arrive in, and a repeated event leaves it equal: profile and placement
 * by the newest event time, sets keyed by ids, dates by maximum.
 *
 * @param version raised on every change; counter deltas computed from the change carry it ({@link DeltaBatch})
 * @param placementAt time of the {@code teacher.v1} event that placed the teacher; null while the placement is only
 *     taken from another topic's event scope
 * @param firstSeen time of the earliest profile event: the teacher counts from that school year on
 * @param activityIds the activities its marks name, so an activity's facts arriving late reach the marks
 * @param pending counter deltas of recent changes, written with the change and removed once applied
 */
@Document(TeacherFact.COLLECTION)
// the guarded write's query is exactly these fields: the embedded store then uses the index, not a scan
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
// the leftover sweep's query ({pending.0: {$exists: true}}): only facts with undrained deltas are in it
@CompoundIndex(name = "pending", def = "{'pending.0': 1}", sparse = true)
@CompoundIndex(name = "municipalityId", def = "{'municipalityId': 1}")
@CompoundIndex(name = "regionId", def = "{'regionId': 1}")
@CompoundIndex(name = "activityIds", def = "{'activityIds': 1}")
@TenantFields(teacher = "")
public record TeacherFact(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        long version,
        Instant placementAt,
        Instant firstSeen,
        Profile profile,
        LocalDate departedOn,
        Map<String, Diagnosis> diagnoses,
        Map<String, RouteFact> routes,
        Map<String, Mark> marks,
        Map<String, Membership> memberships,
        Map<String, Mentoring> mentorships,
        List<String> activityIds,
        List<DeltaBatch> pending)
        implements FactDocument<TeacherFact> {

    public static final String COLLECTION = "teacher_facts";

    public TeacherFact {
        diagnoses = sorted(diagnoses);
        routes = sorted(routes);
        marks = sorted(marks);
        memberships = sorted(memberships);
        mentorships = sorted(mentorships);
        activityIds = activityIds == null ? List.of() : List.copyOf(new TreeSet<>(activityIds));
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static TeacherFact empty(String teacherId) {
        return new TeacherFact(
                teacherId, null, null, null, 0, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }

    @Override
    public TeacherFact withBookkeeping(long version, List<DeltaBatch> pending) {
        return new TeacherFact(
                id,
                regionId,
                municipalityId,
                organizationId,
                version,
                placementAt,
                firstSeen,
                profile,
                departedOn,
                diagnoses,
                routes,
                marks,
                memberships,
                mentorships,
                activityIds,
                pending);
    }

    TeacherFact withPlacement(String region, String municipality, String organization, Instant at) {
        return new TeacherFact(
                id,
                region,
                municipality,
                organization,
                version,
                at,
                firstSeen,
                profile,
                departedOn,
                diagnoses,
                routes,
                marks,
                memberships,
                mentorships,
                activityIds,
                pending);
    }

    TeacherFact withProfile(Profile newProfile, Instant first) {
        return new TeacherFact(
                id,
                regionId,
                municipalityId,
                organizationId,
                version,
                placementAt,
                first,
                newProfile,
                departedOn,
                diagnoses,
                routes,
                marks,
                memberships,
                mentorships,
                activityIds,
                pending);
    }

    TeacherFact withDeparture(LocalDate on) {
        return new TeacherFact(
                id,
                regionId,
                municipalityId,
                organizationId,
                version,
                placementAt,
                firstSeen,
                profile,
                on,
                diagnoses,
                routes,
                marks,
                memberships,
                mentorships,
                activityIds,
                pending);
    }

    TeacherFact withParts(
            Map<String, Diagnosis> newDiagnoses,
            Map<String, RouteFact> newRoutes,
            Map<String, Mark> newMarks,
            Map<String, Membership> newMemberships,
            Map<String, Mentoring> newMentorships) {
        List<String> activities = newMarks.values().stream()
                .map(Mark::activityId)
                .filter(a -> a != null)
                .toList();
        return new TeacherFact(
                id,
                regionId,
                municipalityId,
                organizationId,
                version,
                placementAt,
                firstSeen,
                profile,
                departedOn,
                newDiagnoses,
                newRoutes,
                newMarks,
                newMemberships,
                newMentorships,
                activities,
                pending);
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }

    /**
     * What teacher-service says of the teacher; the newest event's version wins.
     *
     * @param at time of the event it came from
     */
    public record Profile(
            String position,
            LocalDate birthDate,
            LocalDate pedagogicalStartDate,
            String category,
            LocalDate categoryDate,
            List<TargetGroup> targetGroups,
            boolean methodicalAsset,
            boolean expert,
            boolean registryExpert,
            Instant at) {

        public Profile {
            targetGroups = targetGroups == null ? List.of() : List.copyOf(new TreeSet<>(targetGroups));
        }
    }

    /**
     * One diagnosis.
     *
     * @param period the school year it counts in
     * @param level the overall level: the Р-201 band of the total score over the total maximum
     */
    public record Diagnosis(
            String resultId,
            String period,
            String campaignLevel,
            LocalDate diagnosedOn,
            String level,
            BigDecimal percent,
            List<String> deficits) {

        public Diagnosis {
            deficits = deficits == null ? List.of() : List.copyOf(new TreeSet<>(deficits));
        }
    }

    /**
     * An individual route; each field is set by its own event, so the order they arrive in does not matter.
     *
     * @param approvedAt time of the approval event (its school year is the route's)
     */
    public record RouteFact(
            String routeId, Instant approvedAt, LocalDate dueDate, LocalDate completedOn, Instant cancelledAt) {}

    /**
     * Something the teacher did or received: attended, completed a course, took part in a competition, was informed,
     * received a recommendation, authored a practice.
     *
     * @param at time of the event that set it: a newer event about the same thing wins
     * @param positive attended (false: reported as missed)
     * @param activityLevel, activityKind, competencies the activity's facts, once known from {@code ActivityPublished}
     */
    public record Mark(
            String kind,
            String ref,
            String activityId,
            LocalDate date,
            Instant at,
            boolean positive,
            boolean remote,
            boolean federalRegistry,
            String activityLevel,
            String activityKind,
            List<String> competencies) {

        public static final String ATTENDED = "ATTENDED";
        public static final String COURSE = "COURSE";
        public static final String COMPETITION = "COMPETITION";
        public static final String INFORMED = "INFORMED";
        public static final String RECOMMENDATION = "RECOMMENDATION";
        public static final String LEADER_RECOMMENDATION = "LEADER_RECOMMENDATION";
        public static final String PRACTICE = "PRACTICE";

        public Mark {
            competencies = competencies == null ? List.of() : List.copyOf(new TreeSet<>(competencies));
        }

        public String key() {
            return kind + "-" + ref;
        }

        Mark withActivity(ActivityRef activity) {
            return new Mark(
                    kind,
                    ref,
                    activityId,
                    date,
                    at,
                    positive,
                    remote,
                    federalRegistry || activity.federalRegistry(),
                    activity.level(),
                    activity.kind(),
                    activity.competencyCodes());
        }
    }

    /** The latest change of membership of one community (by effective date, then event time). */
    public record Membership(String communityId, String level, String change, LocalDate effectiveDate, Instant at) {}

    /** A mentoring pair the teacher is in, as mentor or mentee. */
    public record Mentoring(String mentorshipId, String role, LocalDate startDate, LocalDate endDate) {}
}
