package ru.msp.route.route;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.routes.RouteStepCompleted;
import ru.msp.contracts.routes.RouteSuggested;
import ru.msp.contracts.routes.UnmetNeedRecorded;
import ru.msp.route.suggestion.PlannedStep;
import ru.msp.route.suggestion.Suggestion;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * An individual educational route (ИОМ) of one teacher. The id is {@code rt-<teacherId>-<n>}, the teacher's n-th
 * route: a new route takes the number after the teacher's last route and only once that one is closed, so two
 * deliveries of a diagnosis racing each other collide on the id instead of opening two routes.
 *
 * <p>Lifecycle SUGGESTED → APPROVED → IN_PROGRESS (first step done) → COMPLETED (no open step left), or CANCELLED.
 * Steps may be done while the route is only suggested (participation is reported whenever it happens); the status
 * moves on once the route is approved.
 *
 * @param open SUGGESTED, APPROVED or IN_PROGRESS
 * @param measurements the diagnosis that opened the route first, then later ones: the effect per competency
 * @param dueDate the route's due date: set on approval, else the latest step's
 * @param nextDueDate the earliest due date of an open step: a route past it is stalled
 * @param version incremented by every write; a write expects the version it read (optimistic concurrency)
 */
@Document(Route.COLLECTION)
@TenantFields
public record Route(
        @Id String id,
        String regionId,
        @Indexed String municipalityId,
        @Indexed String organizationId,
        @Indexed String teacherId,
        int number,
        String status,
        boolean open,
        String frameworkVersion,
        String openedByResultId,
        List<String> appliedResultIds,
        List<RouteDeficit> deficits,
        List<Step> steps,
        List<Measurement> measurements,
        String tutorId,
        LocalDate dueDate,
        LocalDate nextDueDate,
        String approvedBy,
        Instant approvedAt,
        LocalDate completedOn,
        String cancelReason,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "routes";
    public static final String SUGGESTED = "SUGGESTED";
    public static final String APPROVED = "APPROVED";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    public static final Set<String> STATUSES = Set.of(SUGGESTED, APPROVED, IN_PROGRESS, COMPLETED, CANCELLED);

    public static String idOf(String teacherId, int number) {
        return "rt-" + teacherId + "-" + number;
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    /** A new route from a diagnosis and what the suggester chose for its deficits. */
    public static RouteChange open(
            String teacherId,
            int number,
            TenantKey scope,
            String frameworkVersion,
            Measurement diagnosis,
            List<Deficit> deficits,
            Suggestion suggestion,
            Instant now) {
        List<Step> steps = new ArrayList<>();
        for (PlannedStep plan : suggestion.steps()) {
            steps.add(Step.planned("s" + (steps.size() + 1), plan, diagnosis.resultId()));
        }
        List<RouteDeficit> tracked = deficits.stream()
                .map(d -> new RouteDeficit(d.competencyCode(), d.severity(), diagnosis.resultId(), null))
                .toList();
        String id = idOf(teacherId, number);
        Route route = new Route(
                id,
                scope.regionId(),
                scope.municipalityId(),
                scope.organizationId(),
                teacherId,
                number,
                SUGGESTED,
                true,
                frameworkVersion,
                diagnosis.resultId(),
                List.of(diagnosis.resultId()),
                tracked,
                List.copyOf(steps),
                List.of(diagnosis),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                0,
                List.of());
        List<EventPayload> events = new ArrayList<>();
        events.add(new RouteSuggested(
                id,
                teacherId,
                diagnosis.resultId(),
                steps.stream().map(Step::contract).toList()));
        suggestion
                .unmet()
                .forEach(d -> events.add(new UnmetNeedRecorded(teacherId, id, d.competencyCode(), d.severity())));
        return new RouteChange(route.withDates(), List.copyOf(events));
    }

    public boolean applied(String resultId) {
        return appliedResultIds.contains(resultId);
    }

    public boolean hasMentorStep() {
        return steps.stream().anyMatch(s -> "MENTOR".equals(s.offerKind()) && !Step.NOT_NEEDED.equals(s.status()));
    }

    /** The latest diagnosis the route has taken its deficits from. */
    Measurement latest() {
        return measurements.stream()
                .max(Comparator.comparing(Measurement::diagnosedOn).thenComparing(Measurement::eventTime))
                .orElseThrow();
    }

    /** Whether a diagnosis is older than the one the route's deficits come from (a late delivery). */
    public boolean older(Measurement diagnosis) {
        Measurement latest = latest();
        return diagnosis.diagnosedOn().isBefore(latest.diagnosedOn())
                || (diagnosis.diagnosedOn().equals(latest.diagnosedOn())
                        && diagnosis.eventTime().isBefore(latest.eventTime()));
    }

    /** The deficits of a new diagnosis that the route does not work on yet (new, or closed before and back). */
    public List<Deficit> newDeficits(List<Deficit> found) {
        Set<String> working = deficits.stream()
                .filter(RouteDeficit::open)
                .map(RouteDeficit::competencyCode)
                .collect(Collectors.toSet());
        return found.stream().filter(d -> !working.contains(d.competencyCode())).toList();
    }

    /**
     * A later diagnosis of the teacher: its levels are kept for the effect; if it is not older than the route's
     * latest, deficits it no longer finds (on competencies it measured) are closed and their open steps no longer
     * needed, new deficits get the suggested steps, and a changed severity is updated.
     */
    public RouteChange rediagnosed(Measurement diagnosis, List<Deficit> found, Suggestion forNew, Instant now) {
        if (applied(diagnosis.resultId()) || !open) {
            return RouteChange.none(this);
        }
        List<String> applied = new ArrayList<>(appliedResultIds);
        applied.add(diagnosis.resultId());
        List<Measurement> measured = new ArrayList<>(measurements);
        measured.add(diagnosis);
        if (older(diagnosis)) {
            // a late delivery of an earlier diagnosis: its levels inform the effect, not today's deficits
            Route kept = with(status, open, deficits, steps, measured, applied, now);
            return new RouteChange(kept, List.of());
        }
        Set<String> measuredCodes = diagnosis.levels().stream()
                .map(Measurement.Level::competencyCode)
                .collect(Collectors.toSet());
        Map<String, Deficit> foundByCode =
                found.stream().collect(Collectors.toMap(Deficit::competencyCode, d -> d, (a, b) -> a));
        List<RouteDeficit> nextDeficits = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        for (RouteDeficit deficit : deficits) {
            if (!deficit.open()) {
                nextDeficits.add(deficit);
            } else if (foundByCode.containsKey(deficit.competencyCode())) {
                nextDeficits.add(new RouteDeficit(
                        deficit.competencyCode(),
                        foundByCode.get(deficit.competencyCode()).severity(),
                        deficit.openedByResultId(),
                        null));
            } else if (measuredCodes.contains(deficit.competencyCode())) {
                nextDeficits.add(new RouteDeficit(
                        deficit.competencyCode(),
                        deficit.severity(),
                        deficit.openedByResultId(),
                        diagnosis.resultId()));
                closed.add(deficit.competencyCode());
            } else {
                nextDeficits.add(deficit); // not measured this time: still open
            }
        }
        List<Deficit> added = newDeficits(found);
        added.forEach(
                d -> nextDeficits.add(new RouteDeficit(d.competencyCode(), d.severity(), diagnosis.resultId(), null)));
        List<Step> nextSteps = new ArrayList<>();
        for (Step step : steps) {
            nextSteps.add(
                    step.open() && closed.contains(step.competencyCode())
                            ? step.notNeeded(diagnosis.resultId())
                            : step);
        }
        int number = steps.size();
        for (PlannedStep plan : forNew.steps()) {
            nextSteps.add(Step.planned("s" + (++number), plan, diagnosis.resultId()));
        }
        Route next = with(status, open, nextDeficits, nextSteps, measured, applied, now);
        List<EventPayload> events = new ArrayList<>();
        events.add(new RouteSuggested(
                id,
                teacherId,
                diagnosis.resultId(),
                next.steps.stream()
                        .filter(s -> !Step.NOT_NEEDED.equals(s.status()))
                        .map(Step::contract)
                        .toList()));
        forNew.unmet().forEach(d -> events.add(new UnmetNeedRecorded(teacherId, id, d.competencyCode(), d.severity())));
        return next.settled(events, now);
    }

    /** Keeps a diagnosis that came after the route closed: the route's effect is measured against it. */
    public RouteChange measuredAfterClosing(Measurement diagnosis, Instant now) {
        if (open || applied(diagnosis.resultId())) {
            return RouteChange.none(this);
        }
        List<String> applied = new ArrayList<>(appliedResultIds);
        applied.add(diagnosis.resultId());
        List<Measurement> measured = new ArrayList<>(measurements);
        measured.add(diagnosis);
        return new RouteChange(with(status, open, deficits, steps, measured, applied, now), List.of());
    }

    /**
     * Participation reported by events-service: open steps on that activity are done (a course step only by the
     * course's completion).
     *
     * @param by ATTENDANCE or COURSE_COMPLETION
     */
    public RouteChange participated(String activityId, String by, LocalDate on, Instant now) {
        if (!open) {
            return RouteChange.none(this);
        }
        List<EventPayload> events = new ArrayList<>();
        List<Step> next = new ArrayList<>();
        for (Step step : steps) {
            if (step.completedBy(activityId, by)) {
                next.add(step.done(by, on, null));
                events.add(new RouteStepCompleted(id, teacherId, step.stepId(), activityId, by, on));
            } else {
                next.add(step);
            }
        }
        if (events.isEmpty()) {
            return RouteChange.none(this);
        }
        return with(status, open, deficits, next, measurements, appliedResultIds, now)
                .settled(events, now);
    }

    /**
     * The activity of an open step was cancelled: the step gets the replacement the suggester found (same step id,
     * its reason says what it replaces). Published as an updated {@code RouteSuggested}, with an
     * {@code UnmetNeedRecorded} when only self-study is left for the deficit.
     */
    public RouteChange replaceStep(String stepId, PlannedStep replacement, String cancelledActivityId, Instant now) {
        Step old = step(stepId);
        if (!open || old == null || !old.open() || !cancelledActivityId.equals(old.offerId())) {
            return RouteChange.none(this);
        }
        Step next = Step.planned(stepId, replacement, old.addedByResultId());
        next = new Step(
                next.stepId(),
                next.competencyCode(),
                old.severity(),
                next.offerKind(),
                next.offerId(),
                next.practiceIds(),
                next.rule(),
                next.frameworkVersion(),
                next.dueDate(),
                next.fit(),
                "replaces cancelled activity " + cancelledActivityId + "; " + next.why(),
                next.addedByResultId(),
                Step.OPEN,
                null,
                null,
                null);
        Step replaced = next;
        List<Step> steps = this.steps.stream()
                .map(s -> s.stepId().equals(stepId) ? replaced : s)
                .toList();
        Route updated = with(status, open, deficits, steps, measurements, appliedResultIds, now);
        List<EventPayload> events = new ArrayList<>();
        events.add(new RouteSuggested(
                id,
                teacherId,
                latest().resultId(),
                steps.stream()
                        .filter(s -> !Step.NOT_NEEDED.equals(s.status()))
                        .map(Step::contract)
                        .toList()));
        boolean otherActivity = steps.stream()
                .anyMatch(s -> s.open()
                        && s.competencyCode().equals(old.competencyCode())
                        && s.offerId() != null
                        && !"MENTOR".equals(s.offerKind()));
        if (!otherActivity) {
            events.add(new UnmetNeedRecorded(teacherId, id, old.competencyCode(), old.severity()));
        }
        return new RouteChange(updated, List.copyOf(events));
    }

    /** A mentoring pair started for the teacher: the open mentor step is done, whichever mentor was chosen. */
    public RouteChange mentored(String mentorId, LocalDate on, Instant now) {
        if (!open) {
            return RouteChange.none(this);
        }
        List<EventPayload> events = new ArrayList<>();
        List<Step> next = new ArrayList<>();
        for (Step step : steps) {
            if (step.open() && "MENTOR".equals(step.offerKind())) {
                next.add(step.done("MENTORSHIP", on, "mentor " + mentorId));
                events.add(new RouteStepCompleted(id, teacherId, step.stepId(), mentorId, "MENTORSHIP", on));
            } else {
                next.add(step);
            }
        }
        if (events.isEmpty()) {
            return RouteChange.none(this);
        }
        return with(status, open, deficits, next, measurements, appliedResultIds, now)
                .settled(events, now);
    }

    /** Approval by a methodist: tutor, the route's due date and optionally new due dates of steps. */
    public RouteChange approve(
            String tutor, LocalDate due, Map<String, LocalDate> stepDueDates, String approver, Instant now) {
        List<Step> next = steps.stream()
                .map(s -> stepDueDates.containsKey(s.stepId()) ? s.due(stepDueDates.get(s.stepId())) : s)
                .toList();
        Route approved = new Route(
                        id,
                        regionId,
                        municipalityId,
                        organizationId,
                        teacherId,
                        number,
                        APPROVED,
                        true,
                        frameworkVersion,
                        openedByResultId,
                        appliedResultIds,
                        deficits,
                        next,
                        measurements,
                        tutor,
                        due,
                        nextDueDate,
                        approver,
                        now,
                        completedOn,
                        cancelReason,
                        createdAt,
                        now,
                        version,
                        outbox)
                .withDates();
        List<EventPayload> events = new ArrayList<>();
        events.add(new RouteApproved(id, teacherId, tutor, approved.dueDate));
        return approved.settled(events, now);
    }

    /** A step done by hand (self-study, a practice, an activity without an attendance report), with a comment. */
    public RouteChange doneByHand(String stepId, String comment, LocalDate on, Instant now) {
        List<EventPayload> events = new ArrayList<>();
        List<Step> next = steps.stream()
                .map(s -> {
                    if (s.stepId().equals(stepId) && s.open()) {
                        events.add(new RouteStepCompleted(id, teacherId, stepId, s.offerId(), "MANUAL", on));
                        return s.done("MANUAL", on, comment);
                    }
                    return s;
                })
                .toList();
        if (events.isEmpty()) {
            return RouteChange.none(this);
        }
        return with(status, open, deficits, next, measurements, appliedResultIds, now)
                .settled(events, now);
    }

    public RouteChange cancel(String reason, Instant now) {
        Route cancelled = new Route(
                id,
                regionId,
                municipalityId,
                organizationId,
                teacherId,
                number,
                CANCELLED,
                false,
                frameworkVersion,
                openedByResultId,
                appliedResultIds,
                deficits,
                steps,
                measurements,
                tutorId,
                dueDate,
                null,
                approvedBy,
                approvedAt,
                completedOn,
                reason,
                createdAt,
                now,
                version,
                outbox);
        return new RouteChange(cancelled, List.of(new RouteCancelled(id, teacherId, reason)));
    }

    public Step step(String stepId) {
        return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst().orElse(null);
    }

    /** Done steps over the steps still counted (not made unnecessary by a later diagnosis), 0-100. */
    public int progress() {
        long counted =
                steps.stream().filter(s -> !Step.NOT_NEEDED.equals(s.status())).count();
        long done = steps.stream().filter(s -> Step.DONE.equals(s.status())).count();
        return counted == 0 ? 100 : (int) (done * 100 / counted);
    }

    /** Open and past a due date (the route's or an open step's). */
    public boolean stalled(LocalDate today) {
        return open
                && ((nextDueDate != null && nextDueDate.isBefore(today))
                        || (dueDate != null && dueDate.isBefore(today)));
    }

    /** Per deficit competency: opening and latest level, the change, and the steps done beside it. */
    public List<CompetencyEffect> effect() {
        Measurement opening = measurements.stream()
                .filter(m -> m.resultId().equals(openedByResultId))
                .findFirst()
                .orElse(measurements.get(0));
        Measurement latest = latest();
        List<CompetencyEffect> effects = new ArrayList<>();
        for (RouteDeficit deficit : deficits) {
            String code = deficit.competencyCode();
            Measurement.Level before = levelOf(opening, code);
            Measurement.Level after = latest == opening ? null : levelOf(latest, code);
            Double change = before != null && after != null && before.percent() != null && after.percent() != null
                    ? Math.round((after.percent() - before.percent()) * 10) / 10.0
                    : null;
            int done = (int) steps.stream()
                    .filter(s -> code.equals(s.competencyCode()) && Step.DONE.equals(s.status()))
                    .count();
            int counted = (int) steps.stream()
                    .filter(s -> code.equals(s.competencyCode()) && !Step.NOT_NEEDED.equals(s.status()))
                    .count();
            effects.add(new CompetencyEffect(
                    code,
                    before == null ? null : before.level(),
                    before == null ? null : before.percent(),
                    after == null ? null : after.level(),
                    after == null ? null : after.percent(),
                    change,
                    after == null ? null : latest.resultId(),
                    !deficit.open(),
                    done,
                    counted));
        }
        return effects;
    }

    private static Measurement.Level levelOf(Measurement measurement, String code) {
        return measurement.levels().stream()
                .filter(l -> l.competencyCode().equals(code))
                .findFirst()
                .orElse(null);
    }

    /** Moves the status on after steps changed: approved with a step done → in progress; nothing open → completed. */
    private RouteChange settled(List<EventPayload> events, Instant now) {
        List<EventPayload> all = new ArrayList<>(events);
        String next = status;
        boolean stillOpen = open;
        LocalDate completed = completedOn;
        boolean agreed = APPROVED.equals(status) || IN_PROGRESS.equals(status);
        boolean anyDone = steps.stream().anyMatch(s -> Step.DONE.equals(s.status()));
        boolean anyOpen = steps.stream().anyMatch(Step::open);
        if (agreed && !anyOpen) {
            next = COMPLETED;
            stillOpen = false;
            completed = LocalDate.ofInstant(now, ZoneOffset.UTC);
            all.add(new RouteCompleted(id, teacherId, completed));
        } else if (APPROVED.equals(status) && anyDone) {
            next = IN_PROGRESS;
        }
        Route settled = new Route(
                        id,
                        regionId,
                        municipalityId,
                        organizationId,
                        teacherId,
                        number,
                        next,
                        stillOpen,
                        frameworkVersion,
                        openedByResultId,
                        appliedResultIds,
                        deficits,
                        steps,
                        measurements,
                        tutorId,
                        dueDate,
                        nextDueDate,
                        approvedBy,
                        approvedAt,
                        completed,
                        cancelReason,
                        createdAt,
                        now,
                        version,
                        outbox)
                .withDates();
        return new RouteChange(settled, List.copyOf(all));
    }

    private Route with(
            String nextStatus,
            boolean nextOpen,
            List<RouteDeficit> nextDeficits,
            List<Step> nextSteps,
            List<Measurement> nextMeasurements,
            List<String> nextApplied,
            Instant now) {
        return new Route(
                        id,
                        regionId,
                        municipalityId,
                        organizationId,
                        teacherId,
                        number,
                        nextStatus,
                        nextOpen,
                        frameworkVersion,
                        openedByResultId,
                        List.copyOf(nextApplied),
                        List.copyOf(nextDeficits),
                        List.copyOf(nextSteps),
                        List.copyOf(nextMeasurements),
                        tutorId,
                        dueDate,
                        nextDueDate,
                        approvedBy,
                        approvedAt,
                        completedOn,
                        cancelReason,
                        createdAt,
                        now,
                        version,
                        outbox)
                .withDates();
    }

    /** Recomputes the due dates: the route's is the approval's, else the latest step's; next is the earliest open. */
    private Route withDates() {
        LocalDate latest = steps.stream()
                .filter(s -> !Step.NOT_NEEDED.equals(s.status()))
                .map(Step::dueDate)
                .filter(Objects::nonNull)
                .max(LocalDate::compareTo)
                .orElse(null);
        LocalDate earliestOpen = !open
                ? null
                : steps.stream()
                        .filter(Step::open)
                        .map(Step::dueDate)
                        .filter(Objects::nonNull)
                        .min(LocalDate::compareTo)
                        .orElse(null);
        LocalDate due = approvedAt != null && dueDate != null ? dueDate : latest;
        return new Route(
                id,
                regionId,
                municipalityId,
                organizationId,
                teacherId,
                number,
                status,
                open,
                frameworkVersion,
                openedByResultId,
                appliedResultIds,
                deficits,
                steps,
                measurements,
                tutorId,
                due,
                earliestOpen,
                approvedBy,
                approvedAt,
                completedOn,
                cancelReason,
                createdAt,
                updatedAt,
                version,
                outbox);
    }
}
