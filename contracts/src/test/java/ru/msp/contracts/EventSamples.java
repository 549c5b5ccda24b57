package ru.msp.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.FeedbackReceived;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.diagnostics.CampaignOpened;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.indicators.AlertRaised;
import ru.msp.contracts.indicators.IndicatorValueChanged;
import ru.msp.contracts.indicators.SnapshotFrozen;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.routes.RouteStep;
import ru.msp.contracts.routes.RouteStepCompleted;
import ru.msp.contracts.routes.RouteSuggested;
import ru.msp.contracts.routes.UnmetNeedRecorded;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.OrganizationUpdated;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;

/** One fixed sample per event type: the golden files under src/test/resources/golden are these, serialised. */
final class EventSamples {

    static final String REGION = "reg-66";
    static final String MUNICIPALITY = "mun-ntagil";
    static final String ORGANIZATION = "org-school-12";
    static final String TEACHER = "tch-0001";
    static final String ACTIVITY = "act-0042";
    static final Instant TIME = Instant.parse("2025-10-01T09:30:00Z");

    private static final TeacherFacts TEACHER_FACTS = new TeacherFacts(
            ORGANIZATION,
            "TEACHER",
            List.of("MATHEMATICS"),
            LocalDate.parse("1998-04-12"),
            LocalDate.parse("2024-09-01"),
            "NONE",
            null,
            Set.of(TargetGroup.YOUNG_TEACHER),
            false,
            Set.of(),
            false);

    private static final ActivityFacts COURSE = new ActivityFacts(
            "COURSE",
            "REGIONAL",
            "org-irro",
            List.of("ASSESSMENT"),
            Set.of(TargetGroup.YOUNG_TEACHER),
            List.of("TEACHER"),
            "REMOTE",
            Instant.parse("2025-11-10T06:00:00Z"),
            Instant.parse("2025-11-28T12:00:00Z"),
            30,
            new BigDecimal("36"),
            true);

    static Map<EventType<?>, DomainEvent<?>> all() {
        Map<EventType<?>, DomainEvent<?>> samples = new LinkedHashMap<>();
        EventScope org = new EventScope(REGION, MUNICIPALITY, ORGANIZATION);
        EventScope mun = EventScope.municipality(REGION, MUNICIPALITY);

        put(
                samples,
                EventCatalog.REGION_REGISTERED,
                EventScope.region(REGION),
                new RegionRegistered(REGION, "66", "Свердловская область"));
        put(
                samples,
                EventCatalog.MUNICIPALITY_REGISTERED,
                mun,
                new MunicipalityRegistered(MUNICIPALITY, REGION, "Нижний Тагил", "NIZHNY_TAGIL_2024_2027"));
        put(
                samples,
                EventCatalog.ORGANIZATION_REGISTERED,
                org,
                new OrganizationRegistered(ORGANIZATION, "МАОУ СОШ № 12", "GENERAL_SCHOOL", Set.of("LOW_RESULTS")));
        put(
                samples,
                EventCatalog.ORGANIZATION_UPDATED,
                org,
                new OrganizationUpdated(ORGANIZATION, "МАОУ СОШ № 12", "GENERAL_SCHOOL", Set.of("MENTORING_MODEL")));
        put(samples, EventCatalog.TEACHER_REGISTERED, org, new TeacherRegistered(TEACHER, TEACHER_FACTS));
        put(samples, EventCatalog.TEACHER_UPDATED, org, new TeacherUpdated(TEACHER, TEACHER_FACTS));
        put(
                samples,
                EventCatalog.TEACHER_TRANSFERRED,
                org,
                new TeacherTransferred(
                        TEACHER, ORGANIZATION, "org-school-3", MUNICIPALITY, LocalDate.parse("2025-12-01")));
        put(
                samples,
                EventCatalog.TEACHER_DEPARTED,
                org,
                new TeacherDeparted(TEACHER, ORGANIZATION, LocalDate.parse("2026-06-30")));
        put(
                samples,
                EventCatalog.MEMBERSHIP_CHANGED,
                mun,
                new MembershipChanged("cmt-math", TEACHER, "MUNICIPAL", "JOINED", LocalDate.parse("2025-09-15")));
        put(
                samples,
                EventCatalog.MENTORSHIP_STARTED,
                org,
                new MentorshipStarted(
                        "mnt-1",
                        "tch-0002",
                        TEACHER,
                        "TEACHER_TEACHER",
                        LocalDate.parse("2025-09-01"),
                        LocalDate.parse("2026-05-31")));
        put(
                samples,
                EventCatalog.MENTORSHIP_ENDED,
                org,
                new MentorshipEnded("mnt-1", LocalDate.parse("2026-05-31"), "COMPLETED"));

        put(
                samples,
                EventCatalog.CAMPAIGN_OPENED,
                mun,
                new CampaignOpened(
                        "cmp-2025",
                        "MUNICIPAL",
                        "2025/2026",
                        LocalDate.parse("2025-10-01"),
                        LocalDate.parse("2025-11-30"),
                        List.of("ASSESSMENT", "READING_LITERACY"),
                        List.of("TEACHER")));
        put(
                samples,
                EventCatalog.DIAGNOSTIC_COMPLETED,
                org,
                new DiagnosticCompleted(
                        "res-1",
                        TEACHER,
                        "cmp-2025",
                        "MUNICIPAL",
                        "INSTRUMENT",
                        "2025.1",
                        LocalDate.parse("2025-10-01"),
                        "2025/2026",
                        "TEACHER",
                        Set.of(TargetGroup.YOUNG_TEACHER),
                        List.of(
                                new CompetencyResult(
                                        "ASSESSMENT",
                                        new BigDecimal("11"),
                                        new BigDecimal("20"),
                                        CompetencyLevel.BELOW_BASIC),
                                new CompetencyResult(
                                        "READING_LITERACY",
                                        new BigDecimal("15"),
                                        new BigDecimal("20"),
                                        CompetencyLevel.BASIC)),
                        List.of(
                                new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED),
                                new Deficit("READING_LITERACY", DeficitSeverity.PARTIAL))));

        put(
                samples,
                EventCatalog.ROUTE_SUGGESTED,
                org,
                new RouteSuggested(
                        "rte-1",
                        TEACHER,
                        "res-1",
                        List.of(new RouteStep(
                                "stp-1",
                                "ASSESSMENT",
                                "COURSE",
                                ACTIVITY,
                                "PRONOUNCED_DEFICIT_FEDERAL_REGISTRY_COURSE",
                                "2025.1",
                                LocalDate.parse("2025-11-28")))));
        put(
                samples,
                EventCatalog.ROUTE_APPROVED,
                org,
                new RouteApproved("rte-1", TEACHER, "tch-0009", LocalDate.parse("2026-05-31")));
        put(
                samples,
                EventCatalog.ROUTE_STEP_COMPLETED,
                org,
                new RouteStepCompleted(
                        "rte-1", TEACHER, "stp-1", ACTIVITY, "COURSE_COMPLETION", LocalDate.parse("2025-11-28")));
        put(
                samples,
                EventCatalog.ROUTE_COMPLETED,
                org,
                new RouteCompleted("rte-1", TEACHER, LocalDate.parse("2025-11-28")));
        put(samples, EventCatalog.ROUTE_CANCELLED, org, new RouteCancelled("rte-1", TEACHER, "TEACHER_DEPARTED"));
        put(
                samples,
                EventCatalog.RECOMMENDATION_ISSUED,
                org,
                new RecommendationIssued(
                        "rcm-1",
                        "TEACHER",
                        TEACHER,
                        ORGANIZATION,
                        List.of("ASSESSMENT"),
                        LocalDate.parse("2025-10-02")));
        put(
                samples,
                EventCatalog.UNMET_NEED_RECORDED,
                org,
                new UnmetNeedRecorded(TEACHER, "rte-1", "GLOBAL_COMPETENCE", DeficitSeverity.PARTIAL));

        put(samples, EventCatalog.ACTIVITY_PUBLISHED, org, new ActivityPublished(ACTIVITY, COURSE));
        put(samples, EventCatalog.ACTIVITY_CHANGED, org, new ActivityChanged(ACTIVITY, COURSE));
        put(samples, EventCatalog.ACTIVITY_CANCELLED, org, new ActivityCancelled(ACTIVITY, "Lecturer ill"));
        put(
                samples,
                EventCatalog.REGISTRATION_RECORDED,
                org,
                new RegistrationRecorded(ACTIVITY, TEACHER, "REGISTERED", 29));
        put(
                samples,
                EventCatalog.ATTENDANCE_RECORDED,
                org,
                new AttendanceRecorded(ACTIVITY, TEACHER, true, LocalDate.parse("2025-11-10")));
        put(
                samples,
                EventCatalog.COURSE_COMPLETED,
                org,
                new CourseCompleted(
                        ACTIVITY, TEACHER, new BigDecimal("36"), true, true, LocalDate.parse("2025-11-28")));
        put(
                samples,
                EventCatalog.COMPETITION_RESULT_RECORDED,
                org,
                new CompetitionResultRecorded("act-0050", TEACHER, "LAUREATE", "MUNICIPAL"));
        put(samples, EventCatalog.FEEDBACK_RECEIVED, org, new FeedbackReceived(ACTIVITY, TEACHER, 5, 4, 5));
        put(samples, EventCatalog.TEACHER_INFORMED, org, new TeacherInformed(ACTIVITY, TEACHER, TIME));
        put(
                samples,
                EventCatalog.PRACTICE_APPROVED,
                org,
                new PracticeApproved(
                        "prc-1", ORGANIZATION, List.of(TEACHER), List.of("ASSESSMENT"), "MUNICIPAL", ACTIVITY));

        put(
                samples,
                EventCatalog.INDICATOR_VALUE_CHANGED,
                mun,
                new IndicatorValueChanged(
                        MUNICIPALITY,
                        "DIAGNOSED_SHARE",
                        "2025/2026",
                        "MUNICIPALITY",
                        MUNICIPALITY,
                        412,
                        1030,
                        new BigDecimal("40.0"),
                        new BigDecimal("50"),
                        "AT_RISK"));
        put(
                samples,
                EventCatalog.ALERT_RAISED,
                mun,
                new AlertRaised(
                        "alr-1",
                        MUNICIPALITY,
                        "BELOW_TARGET",
                        "DIAGNOSED_SHARE",
                        "2025/2026",
                        "40.0% against a target of 50%"));
        put(
                samples,
                EventCatalog.SNAPSHOT_FROZEN,
                mun,
                new SnapshotFrozen("snp-1", "municipality:" + MUNICIPALITY, "2024/2025", TIME));
        return samples;
    }

    private static <P extends EventPayload> void put(
            Map<EventType<?>, DomainEvent<?>> samples, EventType<P> type, EventScope scope, P data) {
        String id = "00000000-0000-4000-8000-" + String.format("%012d", samples.size() + 1);
        samples.put(
                type,
                new DomainEvent<>(id, "/msp/" + type.topic().owner(), type, TIME, scope, "corr-1", "cause-1", data));
    }

    private EventSamples() {}
}
