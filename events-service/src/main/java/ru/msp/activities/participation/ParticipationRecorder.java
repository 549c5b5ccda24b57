package ru.msp.activities.participation;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityKind;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.activity.CompetitionStage;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantScope;

/**
 * Attendance (in bulk, from school systems), course completions and competition results. Only facts about teachers
 * the read model knows and the caller may act for are stored; each is idempotent by its natural key.
 */
@Service
public class ParticipationRecorder {

    private static final Role[] REPORTERS = {
        Role.SCHOOL_SYSTEM, Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR
    };

    private final ActivityPlanner planner;
    private final TeacherDirectory directory;
    private final ParticipationLedger ledger;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    ParticipationRecorder(
            ActivityPlanner planner, TeacherDirectory directory, ParticipationLedger ledger, MeterRegistry meters) {
        this.planner = planner;
        this.directory = directory;
        this.ledger = ledger;
        this.meters = meters;
    }

    /** Applies the acceptable rows and reports each rejected one; the same sheet posted again changes nothing. */
    public Mono<AttendanceReport> attendance(TenantScope scope, String activityId, List<AttendanceRow> rows) {
        scope.require(REPORTERS);
        if (rows == null || rows.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(List.of(FieldProblem.of("rows", "no rows"))));
        }
        return planner.load(scope, activityId).flatMap(activity -> {
            requireHeld(activity);
            Set<String> ids = new HashSet<>();
            rows.stream().filter(r -> r != null && r.teacherId() != null).forEach(r -> ids.add(r.teacherId()));
            return directory.byIds(ids).collectMap(AudienceMember::id).flatMap(known -> {
                List<RowProblem> rejected = new ArrayList<>();
                List<Mono<ParticipationLedger.Outcome>> writes = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < rows.size(); i++) {
                    AttendanceRow row = rows.get(i);
                    String reason = problemOf(scope, activity, row, known, seen);
                    if (reason != null) {
                        rejected.add(new RowProblem(i, row == null ? null : row.teacherId(), reason));
                        continue;
                    }
                    writes.add(attend(scope, activity, known.get(row.teacherId()), row));
                }
                return Flux.concat(writes).collectList().map(outcomes -> {
                    int recorded = count(outcomes, ParticipationLedger.Outcome.RECORDED);
                    int updated = count(outcomes, ParticipationLedger.Outcome.UPDATED);
                    int unchanged = count(outcomes, ParticipationLedger.Outcome.UNCHANGED);
                    meter("recorded", recorded);
                    meter("updated", updated);
                    meter("unchanged", unchanged);
                    meter("rejected", rejected.size());
                    return new AttendanceReport(rows.size(), recorded, updated, unchanged, List.copyOf(rejected));
                });
            });
        });
    }

    private String problemOf(
            TenantScope scope,
            Activity activity,
            AttendanceRow row,
            Map<String, AudienceMember> known,
            Set<String> seen) {
        if (row == null || row.teacherId() == null || row.teacherId().isBlank()) {
            return "teacherId is required";
        }
        if (row.attended() == null) {
            return "attended is required";
        }
        if (row.date() == null) {
            return "date is required";
        }
        // a day of slack either side: the activity's times are instants, a school reports local dates
        LocalDate first =
                LocalDate.ofInstant(activity.startsAt(), ZoneOffset.UTC).minusDays(1);
        LocalDate last = LocalDate.ofInstant(activity.endsAt(), ZoneOffset.UTC).plusDays(1);
        if (row.date().isBefore(first) || row.date().isAfter(last)) {
            return "date is outside the activity's dates";
        }
        AudienceMember teacher = known.get(row.teacherId());
        if (teacher == null) {
            return "unknown teacher";
        }
        if (!teacher.active()) {
            return "the teacher has left";
        }
        if (!scope.mayWrite(teacher.tenantKey())) {
            return "the teacher is outside your organisation or territory";
        }
        if (!seen.add(row.teacherId() + "|" + row.date())) {
            return "the same teacher and date appear earlier in this post";
        }
        return null;
    }

    private Mono<ParticipationLedger.Outcome> attend(
            TenantScope scope, Activity activity, AudienceMember teacher, AttendanceRow row) {
        Participation fact = fact(
                activity,
                teacher,
                "ATTENDANCE",
                row.date().toString(),
                row.date(),
                row.attended(),
                null,
                null,
                null,
                null,
                "attended=" + row.attended());
        return ActivityPlanner.event(
                        scopeOf(teacher),
                        EventCatalog.ATTENDANCE_RECORDED,
                        new AttendanceRecorded(activity.id(), teacher.id(), row.attended(), row.date()))
                .flatMap(event -> ledger.record(scope, fact, event));
    }

    /** A course certificate → {@code CourseCompleted} (federal-registry flag from the course). */
    public Mono<ParticipationView> complete(TenantScope scope, String activityId, CompletionRequest body) {
        scope.require(REPORTERS);
        return planner.load(scope, activityId).flatMap(activity -> {
            requireHeld(activity);
            if (activity.kind() != ActivityKind.COURSE) {
                return Mono.error(RequestRejectedException.conflict("Only a course has completions."));
            }
            return teacher(scope, body.teacherId()).flatMap(teacher -> {
                BigDecimal hours =
                        body.hours() != null ? body.hours() : activity.course().hours();
                boolean remote = body.remote() != null ? body.remote() : "REMOTE".equals(activity.format());
                Participation fact = fact(
                        activity,
                        teacher,
                        "COMPLETION",
                        null,
                        body.completedOn(),
                        null,
                        hours,
                        remote,
                        null,
                        null,
                        "hours=" + hours.stripTrailingZeros().toPlainString() + ";remote=" + remote + ";on="
                                + body.completedOn());
                return ActivityPlanner.event(
                                scopeOf(teacher),
                                EventCatalog.COURSE_COMPLETED,
                                new CourseCompleted(
                                        activityId,
                                        teacher.id(),
                                        hours,
                                        remote,
                                        activity.course().federalRegistry(),
                                        body.completedOn()))
                        .flatMap(event -> ledger.record(scope, fact, event))
                        .doOnNext(outcome -> meters.counter(
                                        "msp_participation_total", "kind", fact.kind(), "outcome", outcome.name())
                                .increment())
                        .map(outcome -> ParticipationView.of(fact, outcome));
            });
        });
    }

    /** A competition result at one of the competition's stages → {@code CompetitionResultRecorded}. */
    public Mono<ParticipationView> result(TenantScope scope, String activityId, ResultRequest body) {
        scope.require(REPORTERS);
        return planner.load(scope, activityId).flatMap(activity -> {
            requireHeld(activity);
            if (activity.kind() != ActivityKind.COMPETITION) {
                return Mono.error(RequestRejectedException.conflict("Only a competition has results."));
            }
            boolean staged =
                    activity.stages().stream().map(CompetitionStage::level).anyMatch(body.stageLevel()::equals);
            if (!staged) {
                return Mono.error(RequestRejectedException.invalid(List.of(new FieldProblem(
                        "stageLevel", "the competition has no stage at this level", body.stageLevel()))));
            }
            return teacher(scope, body.teacherId()).flatMap(teacher -> {
                Participation fact = fact(
                        activity,
                        teacher,
                        "RESULT",
                        body.stageLevel(),
                        LocalDate.now(clock),
                        null,
                        null,
                        null,
                        body.outcome(),
                        body.stageLevel(),
                        "outcome=" + body.outcome());
                return ActivityPlanner.event(
                                scopeOf(teacher),
                                EventCatalog.COMPETITION_RESULT_RECORDED,
                                new CompetitionResultRecorded(
                                        activityId, teacher.id(), body.outcome(), body.stageLevel()))
                        .flatMap(event -> ledger.record(scope, fact, event))
                        .doOnNext(outcome -> meters.counter(
                                        "msp_participation_total", "kind", fact.kind(), "outcome", outcome.name())
                                .increment())
                        .map(outcome -> ParticipationView.of(fact, outcome));
            });
        });
    }

    public Flux<ParticipationView> list(TenantScope scope, String activityId, String kind) {
        return planner.read(scope, activityId)
                .flatMapMany(activity -> ledger.of(scope, activityId, kind))
                .map(p -> ParticipationView.of(p, null));
    }

    private Mono<AudienceMember> teacher(TenantScope scope, String teacherId) {
        return directory
                .byId(teacherId)
                .filter(AudienceMember::active)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("teacherId", "no active teacher with this id is known", teacherId)))))
                .doOnNext(t -> {
                    if (!scope.mayWrite(t.tenantKey())) {
                        throw new RequestRejectedException(
                                HttpStatus.FORBIDDEN, "You may not act for this teacher.", List.of());
                    }
                });
    }

    private static void requireHeld(Activity activity) {
        if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.FINISHED) {
            throw RequestRejectedException.conflict(
                    "Participation is recorded for published or finished activities; this one is " + activity.status()
                            + ".");
        }
    }

    private Participation fact(
            Activity activity,
            AudienceMember teacher,
            String kind,
            String keySuffix,
            LocalDate date,
            Boolean attended,
            BigDecimal hours,
            Boolean remote,
            String outcome,
            String stageLevel,
            String fingerprint) {
        String id = activity.id() + ":" + kind + ":" + teacher.id() + (keySuffix == null ? "" : ":" + keySuffix);
        return new Participation(
                id,
                kind,
                activity.id(),
                teacher.id(),
                teacher.regionId(),
                teacher.municipalityId(),
                teacher.organizationId(),
                date,
                attended,
                hours,
                remote,
                outcome,
                stageLevel,
                fingerprint,
                clock.instant(),
                List.of());
    }

    private static EventScope scopeOf(AudienceMember teacher) {
        return new EventScope(teacher.regionId(), teacher.municipalityId(), teacher.organizationId());
    }

    private static int count(List<ParticipationLedger.Outcome> outcomes, ParticipationLedger.Outcome wanted) {
        return (int) outcomes.stream().filter(wanted::equals).count();
    }

    private void meter(String outcome, int rows) {
        meters.counter("msp_attendance_rows_total", "outcome", outcome).increment(rows);
    }
}
