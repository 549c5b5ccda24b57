package ru.msp.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.FeedbackReceived;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.diagnostics.CampaignOpened;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.indicators.AlertRaised;
import ru.msp.contracts.indicators.IndicatorValueChanged;
import ru.msp.contracts.indicators.SnapshotFrozen;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
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
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;

/** The typed registry of every event type: topic, CloudEvents type and payload record. */
public final class EventCatalog {

    // teacher.v1
    public static final EventType<RegionRegistered> REGION_REGISTERED = v1(Topics.TEACHER, RegionRegistered.class);
    public static final EventType<MunicipalityRegistered> MUNICIPALITY_REGISTERED =
            v1(Topics.TEACHER, MunicipalityRegistered.class);
    public static final EventType<OrganizationRegistered> ORGANIZATION_REGISTERED =
            v1(Topics.TEACHER, OrganizationRegistered.class);
    public static final EventType<OrganizationUpdated> ORGANIZATION_UPDATED =
            v1(Topics.TEACHER, OrganizationUpdated.class);
    public static final EventType<TeacherRegistered> TEACHER_REGISTERED = v1(Topics.TEACHER, TeacherRegistered.class);
    public static final EventType<TeacherUpdated> TEACHER_UPDATED = v1(Topics.TEACHER, TeacherUpdated.class);
    public static final EventType<TeacherTransferred> TEACHER_TRANSFERRED =
            v1(Topics.TEACHER, TeacherTransferred.class);
    public static final EventType<TeacherDeparted> TEACHER_DEPARTED = v1(Topics.TEACHER, TeacherDeparted.class);
    public static final EventType<MembershipChanged> MEMBERSHIP_CHANGED = v1(Topics.TEACHER, MembershipChanged.class);
    public static final EventType<MentorshipStarted> MENTORSHIP_STARTED = v1(Topics.TEACHER, MentorshipStarted.class);
    public static final EventType<MentorshipEnded> MENTORSHIP_ENDED = v1(Topics.TEACHER, MentorshipEnded.class);

    // diagnostics.v1
    public static final EventType<CampaignOpened> CAMPAIGN_OPENED = v1(Topics.DIAGNOSTICS, CampaignOpened.class);
    public static final EventType<DiagnosticCompleted> DIAGNOSTIC_COMPLETED =
            v1(Topics.DIAGNOSTICS, DiagnosticCompleted.class);

    // routes.v1
    public static final EventType<RouteSuggested> ROUTE_SUGGESTED = v1(Topics.ROUTES, RouteSuggested.class);
    public static final EventType<RouteApproved> ROUTE_APPROVED = v1(Topics.ROUTES, RouteApproved.class);
    public static final EventType<RouteStepCompleted> ROUTE_STEP_COMPLETED =
            v1(Topics.ROUTES, RouteStepCompleted.class);
    public static final EventType<RouteCompleted> ROUTE_COMPLETED = v1(Topics.ROUTES, RouteCompleted.class);
    public static final EventType<RouteCancelled> ROUTE_CANCELLED = v1(Topics.ROUTES, RouteCancelled.class);
    public static final EventType<RecommendationIssued> RECOMMENDATION_ISSUED =
            v1(Topics.ROUTES, RecommendationIssued.class);
    public static final EventType<UnmetNeedRecorded> UNMET_NEED_RECORDED = v1(Topics.ROUTES, UnmetNeedRecorded.class);

    // activities.v1
    public static final EventType<ActivityPublished> ACTIVITY_PUBLISHED =
            v1(Topics.ACTIVITIES, ActivityPublished.class);
    public static final EventType<ActivityChanged> ACTIVITY_CHANGED = v1(Topics.ACTIVITIES, ActivityChanged.class);
    public static final EventType<ActivityCancelled> ACTIVITY_CANCELLED =
            v1(Topics.ACTIVITIES, ActivityCancelled.class);
    public static final EventType<RegistrationRecorded> REGISTRATION_RECORDED =
            v1(Topics.ACTIVITIES, RegistrationRecorded.class);
    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED =
            v1(Topics.ACTIVITIES, AttendanceRecorded.class);
    public static final EventType<CourseCompleted> COURSE_COMPLETED = v1(Topics.ACTIVITIES, CourseCompleted.class);
    public static final EventType<CompetitionResultRecorded> COMPETITION_RESULT_RECORDED =
            v1(Topics.ACTIVITIES, CompetitionResultRecorded.class);
    public static final EventType<FeedbackReceived> FEEDBACK_RECEIVED = v1(Topics.ACTIVITIES, FeedbackReceived.class);
    public static final EventType<TeacherInformed> TEACHER_INFORMED = v1(Topics.ACTIVITIES, TeacherInformed.class);
    public static final EventType<PracticeApproved> PRACTICE_APPROVED = v1(Topics.ACTIVITIES, PracticeApproved.class);

    // indicators.v1
    public static final EventType<IndicatorValueChanged> INDICATOR_VALUE_CHANGED =
            v1(Topics.INDICATORS, IndicatorValueChanged.class);
    public static final EventType<AlertRaised> ALERT_RAISED = v1(Topics.INDICATORS, AlertRaised.class);
    public static final EventType<SnapshotFrozen> SNAPSHOT_FROZEN = v1(Topics.INDICATORS, SnapshotFrozen.class);

    public static final List<EventType<?>> ALL = List.of(
            REGION_REGISTERED,
            MUNICIPALITY_REGISTERED,
            ORGANIZATION_REGISTERED,
            ORGANIZATION_UPDATED,
            TEACHER_REGISTERED,
            TEACHER_UPDATED,
            TEACHER_TRANSFERRED,
            TEACHER_DEPARTED,
            MEMBERSHIP_CHANGED,
            MENTORSHIP_STARTED,
            MENTORSHIP_ENDED,
            CAMPAIGN_OPENED,
            DIAGNOSTIC_COMPLETED,
            ROUTE_SUGGESTED,
            ROUTE_APPROVED,
            ROUTE_STEP_COMPLETED,
            ROUTE_COMPLETED,
            ROUTE_CANCELLED,
            RECOMMENDATION_ISSUED,
            UNMET_NEED_RECORDED,
            ACTIVITY_PUBLISHED,
            ACTIVITY_CHANGED,
            ACTIVITY_CANCELLED,
            REGISTRATION_RECORDED,
            ATTENDANCE_RECORDED,
            COURSE_COMPLETED,
            COMPETITION_RESULT_RECORDED,
            FEEDBACK_RECEIVED,
            TEACHER_INFORMED,
            PRACTICE_APPROVED,
            INDICATOR_VALUE_CHANGED,
            ALERT_RAISED,
            SNAPSHOT_FROZEN);

    private static final Map<String, EventType<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private EventCatalog() {}

    /** The event type for a CloudEvents {@code type} attribute, if this build knows it. */
    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static List<EventType<?>> ofTopic(Topic topic) {
        return ALL.stream().filter(t -> t.topic().equals(topic)).toList();
    }

    private static <P extends EventPayload> EventType<P> v1(Topic topic, Class<P> payload) {
        return new EventType<>(topic, payload.getSimpleName(), 1, payload);
    }
}
