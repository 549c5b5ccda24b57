package ru.msp.indicators.fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.OrganizationUpdated;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.indicators.catalogue.SchoolYear;

/**
 * A random but reproducible municipality history over every topic: the same seed gives the same history; the prefix
 * gives its ids (so two copies can live in one store). Event times increase in generation order; {@link #shuffled}
 * with duplicates is what a consumer may see.
 */
final class GeneratedEvents {

    static final List<String> POSITIONS =
            List.of("TEACHER", "TEACHER", "TEACHER", "DIRECTOR", "DEPUTY_DIRECTOR", "EDUCATOR");
    static final List<String> COMPETENCIES =
            List.of("ASSESSMENT", "DIGITAL", "EDUCATION_QUALITY_MANAGEMENT", "SUBJECT");

    final String region;
    final String prefix;
    final List<DomainEvent<?>> events = new ArrayList<>();
    private final Random random;
    private final SchoolYear year;
    private Instant clock;

    GeneratedEvents(long seed, String prefix, SchoolYear year, int teachers, int municipalities, int schools) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.region = prefix + "reg";
        this.year = year;
        this.clock = year.firstDay().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(3600);
        List<String> orgs = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            for (int s = 0; s < schools; s++) {
                String org = prefix + "org" + m + "-" + s;
                orgs.add(org);
                String type = s == 0 ? "KINDERGARTEN" : "GENERAL_SCHOOL";
                emit(
                        EventCatalog.ORGANIZATION_REGISTERED,
                        mun(m),
                        org,
                        new OrganizationRegistered(org, org, type, flags()));
                if (random.nextInt(3) == 0) {
                    emit(
                            EventCatalog.ORGANIZATION_UPDATED,
                            mun(m),
                            org,
                            new OrganizationUpdated(org, org, type, flags()));
                }
            }
        }
        List<String> activities = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            activities.add(prefix + "act" + a);
        }
        for (int t = 0; t < teachers; t++) {
            String id = prefix + "t" + t;
            int m = random.nextInt(municipalities);
            String org = prefix + "org" + m + "-" + random.nextInt(schools);
            emit(EventCatalog.TEACHER_REGISTERED, mun(m), org, new TeacherRegistered(id, facts(org)));
            if (random.nextInt(4) == 0) {
                emit(EventCatalog.TEACHER_UPDATED, mun(m), org, new TeacherUpdated(id, facts(org)));
            }
            if (random.nextInt(10) == 0) {
                int m2 = random.nextInt(municipalities);
                String org2 = prefix + "org" + m2 + "-" + random.nextInt(schools);
                emit(
                        EventCatalog.TEACHER_TRANSFERRED,
                        mun(m2),
                        org2,
                        new TeacherTransferred(id, org, org2, mun(m2), day(30)));
                org = org2;
                m = m2;
            }
            if (random.nextBoolean()) {
                int score = 40 + random.nextInt(61);
                String deficit = COMPETENCIES.get(random.nextInt(COMPETENCIES.size()));
                emit(
                        EventCatalog.DIAGNOSTIC_COMPLETED,
                        mun(m),
                        org,
                        new DiagnosticCompleted(
                                prefix + "res" + t,
                                id,
                                "camp",
                                List.of("FEDERAL", "REGIONAL", "MUNICIPAL", "SCHOOL")
                                        .get(random.nextInt(4)),
                                "INSTRUMENT",
                                "v1",
                                day(20 + random.nextInt(60)),
                                year.toString(),
                                "TEACHER",
                                Set.of(),
                                List.of(new CompetencyResult(
                                        deficit, BigDecimal.valueOf(score), BigDecimal.valueOf(100), null)),
                                score < 80 ? List.of(new Deficit(deficit, DeficitSeverity.PARTIAL)) : List.of()));
            }
            if (random.nextInt(3) == 0) {
                String route = prefix + "route" + t;
                emit(
                        EventCatalog.ROUTE_APPROVED,
                        mun(m),
                        org,
                        new RouteApproved(route, id, "tutor", day(random.nextInt(120))));
                int end = random.nextInt(3);
                if (end == 1) {
                    emit(EventCatalog.ROUTE_COMPLETED, mun(m), org, new RouteCompleted(route, id, day(90)));
                } else if (end == 2) {
                    emit(EventCatalog.ROUTE_CANCELLED, mun(m), org, new RouteCancelled(route, id, "x"));
                }
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                String activity = activities.get(random.nextInt(activities.size()));
                switch (random.nextInt(4)) {
                    case 0 ->
                        emit(
                                EventCatalog.ATTENDANCE_RECORDED,
                                mun(m),
                                org,
                                new AttendanceRecorded(activity, id, random.nextInt(5) > 0, day(40)));
                    case 1 ->
                        emit(
                                EventCatalog.COURSE_COMPLETED,
                                mun(m),
                                org,
                                new CourseCompleted(
                                        activity,
                                        id,
                                        BigDecimal.TEN,
                                        random.nextBoolean(),
                                        random.nextBoolean(),
                                        day(50)));
                    case 2 ->
                        emit(
                                EventCatalog.TEACHER_INFORMED,
                                mun(m),
                                org,
                                new TeacherInformed(
                                        activity, id, day(10).atStartOfDay().toInstant(ZoneOffset.UTC)));
                    default ->
                        emit(
                                EventCatalog.COMPETITION_RESULT_RECORDED,
                                mun(m),
                                org,
                                new CompetitionResultRecorded(activity, id, "PARTICIPANT", "MUNICIPAL"));
                }
            }
            if (random.nextInt(3) == 0) {
                emit(
                        EventCatalog.MEMBERSHIP_CHANGED,
                        mun(m),
                        org,
                        new MembershipChanged(
                                prefix + "com" + random.nextInt(3),
                                id,
                                random.nextBoolean() ? "NETWORK" : "MUNICIPAL",
                                "JOINED",
                                day(15)));
                if (random.nextInt(3) == 0) {
                    emit(
                            EventCatalog.MEMBERSHIP_CHANGED,
                            mun(m),
                            org,
                            new MembershipChanged(prefix + "com0", id, "MUNICIPAL", "LEFT", day(16)));
                }
            }
            if (random.nextInt(4) == 0) {
                emit(
                        EventCatalog.RECOMMENDATION_ISSUED,
                        mun(m),
                        org,
                        new RecommendationIssued(
                                prefix + "rec" + t,
                                random.nextBoolean() ? "TEACHER" : "SCHOOL_LEADER",
                                id,
                                org,
                                List.of(),
                                day(70)));
            }
            if (random.nextInt(8) == 0) {
                emit(
                        EventCatalog.PRACTICE_APPROVED,
                        mun(m),
                        org,
                        new PracticeApproved(prefix + "pr" + t, org, List.of(id), List.of(), "MUNICIPAL", null));
            }
            if (t > 0 && random.nextInt(6) == 0) {
                String pair = prefix + "pair" + t;
                emit(
                        EventCatalog.MENTORSHIP_STARTED,
                        mun(m),
                        org,
                        new MentorshipStarted(
                                pair, prefix + "t" + random.nextInt(t), id, "TEACHER_TEACHER", day(5), day(200)));
                if (random.nextBoolean()) {
                    emit(EventCatalog.MENTORSHIP_ENDED, mun(m), org, new MentorshipEnded(pair, day(60), "COMPLETED"));
                }
            }
            if (random.nextInt(15) == 0) {
                emit(
                        EventCatalog.TEACHER_DEPARTED,
                        mun(m),
                        org,
                        new TeacherDeparted(id, org, day(random.nextBoolean() ? 0 : 100)));
            }
        }
        for (int a = 0; a < activities.size(); a++) {
            String level = List.of("SCHOOL", "MUNICIPAL", "REGIONAL").get(random.nextInt(3));
            emit(
                    EventCatalog.ACTIVITY_PUBLISHED,
                    mun(0),
                    null,
                    new ActivityPublished(
                            activities.get(a),
                            new ActivityFacts(
                                    "SEMINAR",
                                    level,
                                    null,
                                    List.of(COMPETENCIES.get(random.nextInt(COMPETENCIES.size()))),
                                    Set.of(TargetGroup.YOUNG_TEACHER),
                                    List.of(),
                                    "REMOTE",
                                    null,
                                    null,
                                    null,
                                    null,
                                    random.nextBoolean())));
        }
    }

    String mun(int m) {
        return prefix + "mun" + m;
    }

    /** The history as a consumer may see it: any order, about a fifth of the events twice. */
    List<DomainEvent<?>> shuffled(long seed) {
        Random order = new Random(seed);
        List<DomainEvent<?>> seen = new ArrayList<>(events);
        for (DomainEvent<?> e : events) {
            if (order.nextInt(5) == 0) {
                seen.add(e);
            }
        }
        Collections.shuffle(seen, order);
        return seen;
    }

    private Set<String> flags() {
        List<String> all = List.of("MENTORING_MODEL", "MENTORING_SYSTEM", "LOW_RESULTS");
        Set<String> flags = new java.util.TreeSet<>();
        for (String f : all) {
            if (random.nextBoolean()) {
                flags.add(f);
            }
        }
        return flags;
    }

    private TeacherFacts facts(String org) {
        LocalDate birth = LocalDate.of(1965 + random.nextInt(40), 1 + random.nextInt(12), 1);
        LocalDate start = LocalDate.of(Math.max(birth.getYear() + 22, year.startYear() - 1 - random.nextInt(20)), 9, 1);
        Set<TargetGroup> groups = new java.util.TreeSet<>();
        for (TargetGroup g : TargetGroup.values()) {
            if (random.nextInt(4) == 0) {
                groups.add(g);
            }
        }
        return new TeacherFacts(
                org,
                POSITIONS.get(random.nextInt(POSITIONS.size())),
                List.of(),
                birth,
                start.isAfter(year.firstDay()) ? year.firstDay().minusDays(1) : start,
                List.of("NONE", "FIRST", "HIGHEST").get(random.nextInt(3)),
                year.firstDay().minusMonths(2),
                groups,
                random.nextInt(10) == 0,
                random.nextInt(8) == 0 ? Set.of("ATTESTATION") : Set.of(),
                random.nextInt(10) == 0);
    }

    private LocalDate day(int n) {
        return year.firstDay().plusDays(n);
    }

    private <P extends EventPayload> void emit(EventType<P> type, String municipality, String org, P data) {
        clock = clock.plusSeconds(60);
        events.add(new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/test",
                type,
                clock,
                new EventScope(region, municipality, org),
                null,
                null,
                data));
    }
}
