package ru.msp.route.route;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantScope;

/**
 * The methodists' side of the lifecycle: approve (tutor, due dates), cancel, mark a step done by hand. Validation
 * first (bad input changes nothing), then 404 for an unknown route, 403 for a route outside the caller's scope or a
 * role that may not do this, 409 for a route in a state that does not allow it.
 */
@Service
class RouteLifecycle {

    static final int MAX_TEXT = 2000;

    private final RouteBook book;
    private final Clock clock = Clock.systemUTC();

    RouteLifecycle(RouteBook book) {
        this.book = book;
    }

    Mono<Route> approve(TenantScope scope, String id, RouteRequests.Approval approval) {
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>();
        if (approval == null || approval.tutorId() == null || approval.tutorId().isBlank()) {
            problems.add(FieldProblem.of("tutorId", "must not be blank"));
        }
        if (approval != null && approval.dueDate() != null && approval.dueDate().isBefore(today)) {
            problems.add(new FieldProblem("dueDate", "must not be in the past", approval.dueDate()));
        }
        Map<String, LocalDate> stepDue =
                approval == null || approval.stepDueDates() == null ? Map.of() : approval.stepDueDates();
        stepDue.forEach((step, date) -> {
            if (date == null || date.isBefore(today)) {
                problems.add(new FieldProblem("stepDueDates." + step, "must be a date not in the past", date));
            }
        });
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        return change(scope, id, route -> {
            List<FieldProblem> unknown = stepDue.keySet().stream()
                    .filter(step -> route.step(step) == null)
                    .map(step -> new FieldProblem("stepDueDates." + step, "no such step in the route", step))
                    .toList();
            if (!unknown.isEmpty()) {
                throw RequestRejectedException.invalid(unknown);
            }
            if (!Route.SUGGESTED.equals(route.status())) {
                throw RequestRejectedException.conflict(
                        "Route " + id + " is " + route.status() + "; only a SUGGESTED route can be approved.");
            }
            return route.approve(approval.tutorId().strip(), approval.dueDate(), stepDue, scope.subject(), now());
        });
    }

    Mono<Route> cancel(TenantScope scope, String id, RouteRequests.Cancellation cancellation) {
        if (cancellation == null
                || cancellation.reason() == null
                || cancellation.reason().isBlank()) {
            return Mono.error(
                    RequestRejectedException.invalid(List.of(FieldProblem.of("reason", "must not be blank"))));
        }
        if (cancellation.reason().length() > MAX_TEXT) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(FieldProblem.of("reason", "must be at most " + MAX_TEXT + " characters"))));
        }
        return change(scope, id, route -> {
            if (Route.CANCELLED.equals(route.status())) {
                return RouteChange.none(route); // cancelling twice changes nothing
            }
            if (!route.open()) {
                throw RequestRejectedException.conflict("Route " + id + " is " + route.status() + ".");
            }
            return route.cancel(cancellation.reason().strip(), now());
        });
    }

    Mono<Route> stepDone(TenantScope scope, String id, String stepId, RouteRequests.StepUpdate update) {
        List<FieldProblem> problems = new ArrayList<>();
        if (update == null || !Step.DONE.equals(update.status())) {
            problems.add(new FieldProblem("status", "must be DONE", update == null ? null : update.status()));
        }
        if (update == null || update.comment() == null || update.comment().isBlank()) {
            problems.add(FieldProblem.of("comment", "must not be blank"));
        } else if (update.comment().length() > MAX_TEXT) {
            problems.add(FieldProblem.of("comment", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(RequestRejectedException.invalid(problems));
        }
        return change(scope, id, route -> {
            Step step = route.step(stepId);
            if (step == null) {
                throw RequestRejectedException.notFound("Step " + stepId + " of route " + id);
            }
            if (Step.DONE.equals(step.status())) {
                return RouteChange.none(route);
            }
            if (Step.NOT_NEEDED.equals(step.status())) {
                throw RequestRejectedException.conflict("Step " + stepId + " is no longer needed.");
            }
            if (!Route.APPROVED.equals(route.status()) && !Route.IN_PROGRESS.equals(route.status())) {
                throw RequestRejectedException.conflict("Route " + id + " is " + route.status()
                        + "; steps are done by hand on an APPROVED or IN_PROGRESS route.");
            }
            return route.doneByHand(
                    stepId, update.comment().strip(), LocalDate.ofInstant(now(), ZoneOffset.UTC), now());
        });
    }

    /** 404 if no such route, 403 if outside the caller's scope or role, then the change in one conditional write. */
    private Mono<Route> change(TenantScope scope, String id, java.util.function.Function<Route, RouteChange> change) {
        return book.byId(RouteBook.SYSTEM, id)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Route " + id)))
                .flatMap(found -> {
                    scope.require(Role.METHODIST, Role.MUNICIPAL_OPERATOR);
                    scope.checkWrite(found.tenantKey());
                    return CorrelationId.current()
                            .flatMap(correlationId -> book.mutate(
                                    scope,
                                    id,
                                    correlationId,
                                    correlationId,
                                    route -> Mono.fromCallable(() -> change.apply(route))));
                });
    }

    private Instant now() {
        return clock.instant();
    }
}
