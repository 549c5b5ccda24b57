package ru.msp.indicators.value;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
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
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.fact.ActivityRef;
import ru.msp.indicators.fact.FactChanges;
import ru.msp.indicators.fact.OrganizationFact;
import ru.msp.indicators.fact.TeacherFact;

/**
 * A hand-built municipality for tests of the rules without a store: facts are built with {@link FactChanges} exactly
 * as the feed does, values summed with {@link IndicatorRules} exactly as a recompute does.
 */
final class Town {

    static final String REGION = "reg-town";
    static final String MUN = "mun-town";

    final SchoolYear year;
    final Map<String, TeacherFact> teachers = new LinkedHashMap<>();
    final Map<String, OrganizationFact> organizations = new LinkedHashMap<>();
    private final Instant start;
    private int tick;

    Town(SchoolYear year) {
        this.year = year;
        this.start = year.firstDay().plusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** A day of the school year, counted from 1 September. */
    LocalDate day(int n) {
        return year.firstDay().plusDays(n);
    }

    <P extends EventPayload> DomainEvent<P> event(EventType<P> type, String org, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/test",
                type,
                start.plusSeconds(60L * tick++),
                new EventScope(REGION, MUN, org),
                null,
                null,
                data);
    }

    void organization(String id, String type, String... flags) {
        var e = event(
                EventCatalog.ORGANIZATION_REGISTERED, id, new OrganizationRegistered(id, id, type, Set.of(flags)));
        organizations.put(id, FactChanges.organization(org(id), e, type, Set.of(flags)));
    }

    void teacher(String id, String org, String position, LocalDate birth, LocalDate started, TargetGroup... groups) {
        teacher(
                id,
                new TeacherFacts(
                        org,
                        position,
                        List.of(),
                        birth,
                        started,
                        "NONE",
                        null,
                        Set.of(groups),
                        false,
                        Set.of(),
                        false));
    }

    void teacher(String id, TeacherFacts facts) {
        var e = event(EventCatalog.TEACHER_REGISTERED, facts.organizationId(), new TeacherRegistered(id, facts));
        change(id, f -> FactChanges.profile(f, e, facts));
    }

    /** A diagnosis with one competency scored {@code percent} of 100; a deficit on it when given. */
    void diagnose(String id, String campaignLevel, int percent, String deficit) {
        var d = new DiagnosticCompleted(
                UUID.randomUUID().toString(),
                id,
                "camp",
                campaignLevel,
                "INSTRUMENT",
                "v1",
                day(40),
                year.toString(),
                "TEACHER",
                Set.of(),
                List.of(new CompetencyResult("ASSESSMENT", BigDecimal.valueOf(percent), BigDecimal.valueOf(100), null)),
                deficit == null ? List.of() : List.of(new Deficit(deficit, DeficitSeverity.PRONOUNCED)));
        var e = event(EventCatalog.DIAGNOSTIC_COMPLETED, orgOf(id), d);
        change(id, f -> FactChanges.diagnosed(f, e, d));
    }

    void route(String id, String routeId, boolean completed) {
        var approved = event(
                EventCatalog.ROUTE_APPROVED,
                orgOf(id),
                new ru.msp.contracts.routes.RouteApproved(routeId, id, "tutor", day(200)));
        change(id, f -> FactChanges.routeApproved(f, approved, routeId, day(200)));
        if (completed) {
            change(id, f -> FactChanges.routeCompleted(f, routeId, day(150)));
        }
    }

    void course(String id, String activity, boolean federalRegistry, boolean remote, String... competencies) {
        ActivityRef ref = new ActivityRef(
                activity, REGION, MUN, "COURSE", "REGIONAL", federalRegistry, List.of(competencies), start);
        var c = new CourseCompleted(activity, id, BigDecimal.valueOf(36), remote, federalRegistry, day(60));
        var e = event(EventCatalog.COURSE_COMPLETED, orgOf(id), c);
        change(id, f -> FactChanges.courseCompleted(f, e, c, ref));
        TeacherFact t = teachers.get(id);
        List<String> years = IndicatorRules.courseYears(t);
        if (!years.isEmpty()) {
            organizations.put(t.organizationId(), FactChanges.leaderTrained(org(t.organizationId()), id, years));
        }
    }

    void attended(String id, String activity, String level) {
        ActivityRef ref = new ActivityRef(activity, REGION, MUN, "SEMINAR", level, false, List.of(), start);
        var a = new AttendanceRecorded(activity, id, true, day(70));
        var e = event(EventCatalog.ATTENDANCE_RECORDED, orgOf(id), a);
        change(id, f -> FactChanges.attended(f, e, a, ref));
    }

    void informed(String id, String activity) {
        var i = new TeacherInformed(activity, id, day(20).atStartOfDay().toInstant(ZoneOffset.UTC));
        var e = event(EventCatalog.TEACHER_INFORMED, orgOf(id), i);
        change(id, f -> FactChanges.informed(f, e, i, null));
    }

    void competed(String id, String activity) {
        var r = new CompetitionResultRecorded(activity, id, "PARTICIPANT", "MUNICIPAL");
        var e = event(EventCatalog.COMPETITION_RESULT_RECORDED, orgOf(id), r);
        change(id, f -> FactChanges.competed(f, e, r, null));
    }

    void recommended(String id, String addressee) {
        var r = new RecommendationIssued(UUID.randomUUID().toString(), addressee, id, orgOf(id), List.of(), day(80));
        var e = event(EventCatalog.RECOMMENDATION_ISSUED, orgOf(id), r);
        change(id, f -> FactChanges.recommended(f, e, r));
    }

    void joined(String id, String community, String level) {
        var m = new MembershipChanged(community, id, level, "JOINED", day(30));
        var e = event(EventCatalog.MEMBERSHIP_CHANGED, orgOf(id), m);
        change(id, f -> FactChanges.membership(f, e, m));
    }

    void presentedPractice(String id, String practice) {
        var e = event(
                EventCatalog.PRACTICE_APPROVED,
                orgOf(id),
                new ru.msp.contracts.activities.PracticeApproved(
                        practice, orgOf(id), List.of(id), List.of(), "MUNICIPAL", null));
        change(id, f -> FactChanges.authoredPractice(f, e, practice));
        organizations.put(orgOf(id), FactChanges.practicePresented(org(orgOf(id)), e, practice));
    }

    void mentee(String menteeId, String mentorshipId) {
        var m = new TeacherFact.Mentoring(mentorshipId, "MENTEE", day(10), null);
        change(menteeId, f -> FactChanges.mentoring(f, m));
        organizations.put(orgOf(menteeId), FactChanges.mentoring(org(orgOf(menteeId)), m));
    }

    private String orgOf(String teacherId) {
        return teachers.get(teacherId).organizationId();
    }

    private OrganizationFact org(String id) {
        return organizations.getOrDefault(id, OrganizationFact.empty(id));
    }

    private void change(String id, java.util.function.UnaryOperator<TeacherFact> change) {
        teachers.put(id, change.apply(teachers.getOrDefault(id, TeacherFact.empty(id))));
    }

    Map<CounterKey, Tally> totals() {
        Map<CounterKey, Tally> totals = new LinkedHashMap<>();
        teachers.values().forEach(t -> IndicatorRules.addAll(totals, IndicatorRules.of(t, year)));
        organizations.values().forEach(o -> IndicatorRules.addAll(totals, IndicatorRules.of(o, year)));
        return totals;
    }

    /** The municipality's tally of an indicator this school year. */
    Tally tally(String code) {
        return tally(code, ScopeKind.MUNICIPALITY, MUN);
    }

    Tally tally(String code, ScopeKind kind, String scopeId) {
        return totals().getOrDefault(
                        new CounterKey(
                                code,
                                year.toString(),
                                kind,
                                scopeId,
                                REGION,
                                kind == ScopeKind.REGION ? null : MUN,
                                kind == ScopeKind.ORGANIZATION ? scopeId : null),
                        Tally.ZERO);
    }

    static Set<String> set(String... s) {
        return Set.of(s);
    }
}
