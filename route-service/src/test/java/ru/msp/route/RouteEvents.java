package ru.msp.route;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.RegistrationRecorded;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;

/**
 * Publishes the events other services would publish, on the real broker, for one fresh territory per test (the
 * broker and the store are shared by every test class of the JVM).
 */
public final class RouteEvents {

    public final String region = "reg-" + UUID.randomUUID();
    public final String municipality = "mun-" + UUID.randomUUID();
    public final String school = "org-" + UUID.randomUUID();
    private final KafkaTemplate<String, String> kafka;

    public RouteEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    public <P extends EventPayload> DomainEvent<P> event(EventType<P> type, String organization, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/msp/test",
                type,
                Instant.now(),
                new EventScope(region, municipality, organization),
                "corr-" + UUID.randomUUID(),
                null,
                data);
    }

    public void send(DomainEvent<?> event) {
        kafka.send(event.topic().name(), event.subject(), CloudEventCodec.encodeToString(event))
                .join();
    }

    public <P extends EventPayload> DomainEvent<P> send(EventType<P> type, P data) {
        DomainEvent<P> event = event(type, school, data);
        send(event);
        return event;
    }

    /** A municipal activity on one competency starting in {@code startsInDays} (negative: already started). */
    public static ActivityFacts facts(String kind, String competency, long startsInDays, Integer capacity, boolean fr) {
        Instant starts = Instant.now().plus(Duration.ofDays(startsInDays));
        return new ActivityFacts(
                kind,
                "MUNICIPAL",
                "org-centre",
                List.of(competency),
                Set.of(),
                List.of(),
                "IN_PERSON",
                starts,
                starts.plus(Duration.ofDays(1)),
                capacity,
                "COURSE".equals(kind) ? new BigDecimal("36") : null,
                fr);
    }

    public String publish(ActivityFacts facts) {
        String activity = id("act");
        send(event(EventCatalog.ACTIVITY_PUBLISHED, null, new ActivityPublished(activity, facts)));
        return activity;
    }

    public void change(String activity, ActivityFacts facts) {
        send(event(EventCatalog.ACTIVITY_CHANGED, null, new ActivityChanged(activity, facts)));
    }

    public void cancel(String activity) {
        send(event(
                EventCatalog.ACTIVITY_CANCELLED,
                null,
                new ru.msp.contracts.activities.ActivityCancelled(activity, "no trainer")));
    }

    public void seatsLeft(String activity, String teacher, int seatsLeft) {
        send(EventCatalog.REGISTRATION_RECORDED, new RegistrationRecorded(activity, teacher, "REGISTERED", seatsLeft));
    }

    public void attended(String activity, String teacher) {
        send(EventCatalog.ATTENDANCE_RECORDED, new AttendanceRecorded(activity, teacher, true, today()));
    }

    public void completedCourse(String activity, String teacher) {
        send(
                EventCatalog.COURSE_COMPLETED,
                new CourseCompleted(activity, teacher, new BigDecimal("36"), false, true, today()));
    }

    public void practice(String practice, String competency) {
        send(
                EventCatalog.PRACTICE_APPROVED,
                new PracticeApproved(practice, school, List.of(), List.of(competency), "MUNICIPAL", null));
    }

    public void teacher(String teacher, String organization, TeacherFacts facts) {
        send(event(EventCatalog.TEACHER_REGISTERED, organization, new TeacherRegistered(teacher, facts)));
    }

    public static TeacherFacts teacherFacts(
            String organization,
            String position,
            List<String> subjects,
            LocalDate birth,
            LocalDate start,
            Set<TargetGroup> groups) {
        return new TeacherFacts(
                organization, position, subjects, birth, start, "NONE", null, groups, false, Set.of(), false);
    }

    public void departed(String teacher) {
        send(EventCatalog.TEACHER_DEPARTED, new ru.msp.contracts.teacher.TeacherDeparted(teacher, school, today()));
    }

    public void mentorship(String mentorship, String mentor, String mentee) {
        send(
                EventCatalog.MENTORSHIP_STARTED,
                new MentorshipStarted(mentorship, mentor, mentee, "TEACHER_TEACHER", today(), today().plusYears(1)));
    }

    /** A diagnosis of the teacher with these deficits (and their competencies measured at 40% or 70%). */
    public DomainEvent<DiagnosticCompleted> diagnosis(String teacher, Deficit... deficits) {
        return diagnosis(teacher, today(), List.of(), deficits);
    }

    public DomainEvent<DiagnosticCompleted> diagnosis(
            String teacher, LocalDate on, List<String> alsoMeasured, Deficit... deficits) {
        List<CompetencyResult> measured = new ArrayList<>();
        for (Deficit deficit : deficits) {
            boolean pronounced = deficit.severity() == DeficitSeverity.PRONOUNCED;
            measured.add(new CompetencyResult(
                    deficit.competencyCode(),
                    new BigDecimal(pronounced ? "40" : "70"),
                    new BigDecimal("100"),
                    pronounced ? CompetencyLevel.BELOW_BASIC : CompetencyLevel.BASIC));
        }
        for (String code : alsoMeasured) {
            measured.add(
                    new CompetencyResult(code, new BigDecimal("88"), new BigDecimal("100"), CompetencyLevel.ADVANCED));
        }
        return event(
                EventCatalog.DIAGNOSTIC_COMPLETED,
                school,
                new DiagnosticCompleted(
                        id("res"),
                        teacher,
                        "camp-1",
                        "MUNICIPAL",
                        "INSTRUMENT",
                        "fw-2025.1",
                        on,
                        "2025/2026",
                        "TEACHER",
                        Set.of(),
                        measured,
                        List.of(deficits)));
    }

    public static Deficit pronounced(String competency) {
        return new Deficit(competency, DeficitSeverity.PRONOUNCED);
    }

    public static Deficit partial(String competency) {
        return new Deficit(competency, DeficitSeverity.PARTIAL);
    }
}
