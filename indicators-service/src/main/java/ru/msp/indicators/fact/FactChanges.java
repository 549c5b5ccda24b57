package ru.msp.indicators.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.indicators.catalogue.SchoolYear;

/**
 * How each event changes a fact document. Plain functions: the same events in any order, any of them repeated, give
 * equal documents (newest event time wins for states, ids key sets, maximum for dates).
 */
public final class FactChanges {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FactChanges() {}

    /** Event times as stored (MongoDB keeps milliseconds), so a re-read document equals the computed one. */
    static Instant stamp(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate dateOf(Instant time) {
        return time.atZone(ZoneOffset.UTC).toLocalDate();
    }

    // ---- teacher.v1

    public static TeacherFact profile(TeacherFact fact, DomainEvent<?> event, TeacherFacts facts) {
        Instant at = stamp(event.time());
        TeacherFact.Profile incoming = new TeacherFact.Profile(
                facts.position(),
                facts.birthDate(),
                facts.pedagogicalStartDate(),
                facts.category(),
                facts.categoryDate(),
                facts.targetGroups() == null ? List.of() : List.copyOf(facts.targetGroups()),
                facts.methodicalAsset(),
                facts.expertKinds() != null && !facts.expertKinds().isEmpty(),
                facts.registryExpert(),
                at);
        TeacherFact.Profile kept =
                fact.profile() == null || at.isAfter(fact.profile().at()) ? incoming : fact.profile();
        Instant first = fact.firstSeen() == null || at.isBefore(fact.firstSeen()) ? at : fact.firstSeen();
        String organization = facts.organizationId() != null
                ? facts.organizationId()
                : event.scope().organizationId();
        return placed(
                fact.withProfile(kept, first),
                event.scope().regionId(),
                event.scope().municipalityId(),
                organization,
                at);
    }

    public static TeacherFact transferred(
            TeacherFact fact, DomainEvent<?> event, String toOrganization, String toMunicipality) {
        String municipality =
                toMunicipality != null ? toMunicipality : event.scope().municipalityId();
        return placed(fact, event.scope().regionId(), municipality, toOrganization, stamp(event.time()));
    }

    private static TeacherFact placed(TeacherFact fact, String region, String municipality, String org, Instant at) {
        if (fact.placementAt() != null && !at.isAfter(fact.placementAt())) {
            return fact;
        }
        return fact.withPlacement(region, municipality, org, at);
    }

    /** Another topic's event: its scope places the teacher only until teacher-service's own events do. */
    public static TeacherFact provisionallyPlaced(TeacherFact fact, DomainEvent<?> event) {
        if (fact.placementAt() != null
                || fact.regionId() != null
                || event.scope().regionId() == null) {
            return fact;
        }
        return fact.withPlacement(
                event.scope().regionId(),
                event.scope().municipalityId(),
                event.scope().organizationId(),
                null);
    }

    public static TeacherFact departed(TeacherFact fact, LocalDate effectiveDate) {
        LocalDate on = fact.departedOn() == null || effectiveDate.isAfter(fact.departedOn())
                ? effectiveDate
                : fact.departedOn();
        return fact.withDeparture(on);
    }

    public static TeacherFact membership(TeacherFact fact, DomainEvent<?> event, MembershipChanged changed) {
        TeacherFact.Membership incoming = new TeacherFact.Membership(
                changed.communityId(),
                changed.communityLevel(),
                changed.change(),
                changed.effectiveDate() != null ? changed.effectiveDate() : dateOf(event.time()),
                stamp(event.time()));
        Map<String, TeacherFact.Membership> memberships = new HashMap<>(fact.memberships());
        memberships.merge(
                changed.communityId(), incoming, (old, now) -> LATEST_MEMBERSHIP.compare(now, old) > 0 ? now : old);
        return fact.withParts(fact.diagnoses(), fact.routes(), fact.marks(), memberships, fact.mentorships());
    }

    private static final Comparator<TeacherFact.Membership> LATEST_MEMBERSHIP = Comparator.comparing(
                    TeacherFact.Membership::effectiveDate)
            .thenComparing(TeacherFact.Membership::at)
            .thenComparing(TeacherFact.Membership::change);

    public static TeacherFact mentoring(TeacherFact fact, TeacherFact.Mentoring mentoring) {
        Map<String, TeacherFact.Mentoring> mentorships = new HashMap<>(fact.mentorships());
        mentorships.put(mentoring.mentorshipId(), mentoring);
        return fact.withParts(fact.diagnoses(), fact.routes(), fact.marks(), fact.memberships(), mentorships);
    }

    // ---- diagnostics.v1

    public static TeacherFact diagnosed(TeacherFact fact, DomainEvent<?> event, DiagnosticCompleted result) {
        LocalDate on = result.diagnosedOn() != null ? result.diagnosedOn() : dateOf(event.time());
        String period = periodOf(result.period(), on);
        BigDecimal percent = percentOf(result.competencies());
        TeacherFact.Diagnosis diagnosis = new TeacherFact.Diagnosis(
                result.resultId(),
                period,
                result.campaignLevel(),
                on,
                levelOf(percent, result.competencies()),
                percent,
                result.deficits() == null
                        ? List.of()
                        : result.deficits().stream()
                                .map(Deficit::competencyCode)
                                .toList());
        Map<String, TeacherFact.Diagnosis> diagnoses = new HashMap<>(fact.diagnoses());
        diagnoses.put(result.resultId(), diagnosis);
        return fact.withParts(diagnoses, fact.routes(), fact.marks(), fact.memberships(), fact.mentorships());
    }

    private static String periodOf(String given, LocalDate on) {
        try {
            return SchoolYear.parse(given).toString();
        } catch (IllegalArgumentException notASchoolYear) {
            return SchoolYear.containing(on).toString();
        }
    }

    /** Total score over total maximum, percent; null when the result carries no scores. */
    static BigDecimal percentOf(List<CompetencyResult> competencies) {
        if (competencies == null || competencies.isEmpty()) {
            return null;
        }
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        for (CompetencyResult c : competencies) {
            if (c.score() == null || c.maxScore() == null || c.maxScore().signum() <= 0) {
                return null;
            }
            score = score.add(c.score());
            max = max.add(c.maxScore());
        }
        return score.multiply(HUNDRED).divide(max, 1, RoundingMode.HALF_UP);
    }

    /**
     * The overall level: the Р-201 band of the overall percent (under 60 below basic, to 80 basic, to 90 advanced,
     * above high); without scores, the lowest competency level.
     */
    static String levelOf(BigDecimal percent, List<CompetencyResult> competencies) {
        if (percent != null) {
            if (percent.compareTo(BigDecimal.valueOf(60)) < 0) {
                return CompetencyLevel.BELOW_BASIC.name();
            }
            if (percent.compareTo(BigDecimal.valueOf(80)) <= 0) {
                return CompetencyLevel.BASIC.name();
            }
            return percent.compareTo(BigDecimal.valueOf(90)) <= 0
                    ? CompetencyLevel.ADVANCED.name()
                    : CompetencyLevel.HIGH.name();
        }
        if (competencies == null) {
            return null;
        }
        return competencies.stream()
                .map(CompetencyResult::level)
                .filter(l -> l != null)
                .max(Comparator.naturalOrder()) // enum order HIGH..BELOW_BASIC: max is the lowest level
                .map(Enum::name)
                .orElse(null);
    }

    // ---- routes.v1

    public static TeacherFact routeApproved(TeacherFact fact, DomainEvent<?> event, String routeId, LocalDate dueDate) {
        Instant at = stamp(event.time());
        TeacherFact.RouteFact old = fact.routes().get(routeId);
        TeacherFact.RouteFact route;
        if (old == null) {
            route = new TeacherFact.RouteFact(routeId, at, dueDate, null, null);
        } else if (old.approvedAt() == null || at.isBefore(old.approvedAt())) {
            route = new TeacherFact.RouteFact(routeId, at, dueDate, old.completedOn(), old.cancelledAt());
        } else {
            route = old;
        }
        return withRoute(fact, route);
    }

    public static TeacherFact routeCompleted(TeacherFact fact, String routeId, LocalDate completedOn) {
        TeacherFact.RouteFact old =
                fact.routes().getOrDefault(routeId, new TeacherFact.RouteFact(routeId, null, null, null, null));
        LocalDate on =
                old.completedOn() == null || completedOn.isAfter(old.completedOn()) ? completedOn : old.completedOn();
        return withRoute(
                fact, new TeacherFact.RouteFact(routeId, old.approvedAt(), old.dueDate(), on, old.cancelledAt()));
    }

    public static TeacherFact routeCancelled(TeacherFact fact, DomainEvent<?> event, String routeId) {
        Instant at = stamp(event.time());
        TeacherFact.RouteFact old =
                fact.routes().getOrDefault(routeId, new TeacherFact.RouteFact(routeId, null, null, null, null));
        Instant cancelled = old.cancelledAt() == null || at.isAfter(old.cancelledAt()) ? at : old.cancelledAt();
        return withRoute(
                fact,
                new TeacherFact.RouteFact(routeId, old.approvedAt(), old.dueDate(), old.completedOn(), cancelled));
    }

    private static TeacherFact withRoute(TeacherFact fact, TeacherFact.RouteFact route) {
        Map<String, TeacherFact.RouteFact> routes = new HashMap<>(fact.routes());
        routes.put(route.routeId(), route);
        return fact.withParts(fact.diagnoses(), routes, fact.marks(), fact.memberships(), fact.mentorships());
    }

    public static TeacherFact recommended(TeacherFact fact, DomainEvent<?> event, RecommendationIssued issued) {
        boolean leader = issued.addressee() != null && issued.addressee().contains("LEADER");
        LocalDate on = issued.issuedOn() != null ? issued.issuedOn() : dateOf(event.time());
        return marked(
                fact,
                mark(
                        leader ? TeacherFact.Mark.LEADER_RECOMMENDATION : TeacherFact.Mark.RECOMMENDATION,
                        issued.recommendationId(),
                        null,
                        on,
                        event,
                        true,
                        false,
                        false),
                null);
    }

    // ---- activities.v1

    public static TeacherFact attended(
            TeacherFact fact, DomainEvent<?> event, AttendanceRecorded a, ActivityRef activity) {
        LocalDate on = a.date() != null ? a.date() : dateOf(event.time());
        return marked(
                fact,
                mark(TeacherFact.Mark.ATTENDED, a.activityId(), a.activityId(), on, event, a.attended(), false, false),
                activity);
    }

    public static TeacherFact courseCompleted(
            TeacherFact fact, DomainEvent<?> event, CourseCompleted c, ActivityRef activity) {
        LocalDate on = c.completedOn() != null ? c.completedOn() : dateOf(event.time());
        return marked(
                fact,
                mark(
                        TeacherFact.Mark.COURSE,
                        c.activityId(),
                        c.activityId(),
                        on,
                        event,
                        true,
                        c.remote(),
                        c.federalRegistry()),
                activity);
    }

    public static TeacherFact competed(
            TeacherFact fact, DomainEvent<?> event, CompetitionResultRecorded r, ActivityRef activity) {
        return marked(
                fact,
                mark(
                        TeacherFact.Mark.COMPETITION,
                        r.activityId(),
                        r.activityId(),
                        dateOf(event.time()),
                        event,
                        true,
                        false,
                        false),
                activity);
    }

    public static TeacherFact informed(
            TeacherFact fact, DomainEvent<?> event, TeacherInformed i, ActivityRef activity) {
        LocalDate on = dateOf(i.informedAt() != null ? i.informedAt() : event.time());
        return marked(
                fact,
                mark(TeacherFact.Mark.INFORMED, i.activityId(), i.activityId(), on, event, true, false, false),
                activity);
    }

    public static TeacherFact authoredPractice(TeacherFact fact, DomainEvent<?> event, String practiceId) {
        return marked(
                fact,
                mark(TeacherFact.Mark.PRACTICE, practiceId, null, dateOf(event.time()), event, true, false, false),
                null);
    }

    /** The activity's facts copied into every mark that names it (they may arrive after the marks). */
    public static TeacherFact activityKnown(TeacherFact fact, ActivityRef activity) {
        Map<String, TeacherFact.Mark> marks = new HashMap<>(fact.marks());
        marks.replaceAll((key, mark) -> activity.id().equals(mark.activityId()) ? mark.withActivity(activity) : mark);
        return fact.withParts(fact.diagnoses(), fact.routes(), marks, fact.memberships(), fact.mentorships());
    }

    private static TeacherFact.Mark mark(
            String kind,
            String ref,
            String activityId,
            LocalDate on,
            DomainEvent<?> event,
            boolean positive,
            boolean remote,
            boolean federalRegistry) {
        return new TeacherFact.Mark(
                kind, ref, activityId, on, stamp(event.time()), positive, remote, federalRegistry, null, null, null);
    }

    private static TeacherFact marked(TeacherFact fact, TeacherFact.Mark incoming, ActivityRef activity) {
        TeacherFact.Mark withActivity = activity != null ? incoming.withActivity(activity) : incoming;
        Map<String, TeacherFact.Mark> marks = new HashMap<>(fact.marks());
        marks.merge(withActivity.key(), withActivity, (old, now) -> LATEST_MARK.compare(now, old) > 0 ? now : old);
        return fact.withParts(fact.diagnoses(), fact.routes(), marks, fact.memberships(), fact.mentorships());
    }

    private static final Comparator<TeacherFact.Mark> LATEST_MARK = Comparator.comparing(TeacherFact.Mark::at)
            .thenComparing(TeacherFact.Mark::positive)
            .thenComparing(TeacherFact.Mark::date);

    // ---- organisations

    public static OrganizationFact organization(
            OrganizationFact fact, DomainEvent<?> event, String type, Set<String> flags) {
        Instant at = stamp(event.time());
        boolean newer = fact.profileAt() == null || at.isAfter(fact.profileAt());
        Instant first = fact.firstSeen() == null || at.isBefore(fact.firstSeen()) ? at : fact.firstSeen();
        return fact.with(
                newer ? event.scope().regionId() : fact.regionId(),
                newer ? event.scope().municipalityId() : fact.municipalityId(),
                newer ? type : fact.type(),
                newer ? (flags == null ? List.of() : List.copyOf(flags)) : fact.flags(),
                newer ? at : fact.profileAt(),
                first,
                fact.practices(),
                fact.mentorships(),
                fact.trainedLeaders());
    }

    /** Facts about an organisation arriving before its registration place it by their scope meanwhile. */
    static OrganizationFact provisionallyPlaced(OrganizationFact fact, DomainEvent<?> event) {
        if (fact.regionId() != null || event.scope().regionId() == null) {
            return fact;
        }
        return fact.with(
                event.scope().regionId(),
                event.scope().municipalityId(),
                fact.type(),
                fact.flags(),
                fact.profileAt(),
                fact.firstSeen(),
                fact.practices(),
                fact.mentorships(),
                fact.trainedLeaders());
    }

    public static OrganizationFact practicePresented(OrganizationFact fact, DomainEvent<?> event, String practiceId) {
        LocalDate on = dateOf(event.time());
        Map<String, LocalDate> practices = new HashMap<>(fact.practices());
        practices.merge(practiceId, on, (old, now) -> now.isBefore(old) ? now : old);
        return fact.with(
                fact.regionId(),
                fact.municipalityId(),
                fact.type(),
                fact.flags(),
                fact.profileAt(),
                fact.firstSeen(),
                practices,
                fact.mentorships(),
                fact.trainedLeaders());
    }

    public static OrganizationFact mentoring(OrganizationFact fact, TeacherFact.Mentoring mentoring) {
        Map<String, TeacherFact.Mentoring> mentorships = new HashMap<>(fact.mentorships());
        mentorships.put(mentoring.mentorshipId(), mentoring);
        return fact.with(
                fact.regionId(),
                fact.municipalityId(),
                fact.type(),
                fact.flags(),
                fact.profileAt(),
                fact.firstSeen(),
                fact.practices(),
                mentorships,
                fact.trainedLeaders());
    }

    /** Sets (or, with no years, removes) one leader's course years, as computed from that leader's facts. */
    public static OrganizationFact leaderTrained(OrganizationFact fact, String leaderId, List<String> years) {
        Map<String, List<String>> leaders = new HashMap<>(fact.trainedLeaders());
        if (years.isEmpty()) {
            leaders.remove(leaderId);
        } else {
            leaders.put(leaderId, years);
        }
        return fact.with(
                fact.regionId(),
                fact.municipalityId(),
                fact.type(),
                fact.flags(),
                fact.profileAt(),
                fact.firstSeen(),
                fact.practices(),
                fact.mentorships(),
                leaders);
    }

    // ---- mentorships

    public static MentorshipFact mentorshipStarted(
            MentorshipFact old,
            String id,
            DomainEvent<?> event,
            String mentorId,
            String menteeId,
            String form,
            LocalDate start) {
        return new MentorshipFact(
                id,
                event.scope().regionId(),
                event.scope().municipalityId(),
                event.scope().organizationId(),
                mentorId,
                menteeId,
                form,
                start,
                old != null ? old.endDate() : null);
    }

    public static MentorshipFact mentorshipEnded(MentorshipFact old, String id, DomainEvent<?> event, LocalDate end) {
        if (old == null) {
            return new MentorshipFact(
                    id,
                    event.scope().regionId(),
                    event.scope().municipalityId(),
                    event.scope().organizationId(),
                    null,
                    null,
                    null,
                    null,
                    end);
        }
        LocalDate latest = old.endDate() == null || end.isAfter(old.endDate()) ? end : old.endDate();
        return new MentorshipFact(
                id,
                old.regionId(),
                old.municipalityId(),
                old.organizationId(),
                old.mentorId(),
                old.menteeId(),
                old.form(),
                old.startDate(),
                latest);
    }

    /** Target groups as the contract names them. */
    static List<TargetGroup> groups(Set<TargetGroup> groups) {
        return groups == null ? List.of() : List.copyOf(groups);
    }
}
