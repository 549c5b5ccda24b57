package ru.msp.activities.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/activities}: methodical activities and their lifecycle. */
@RestController
@RequestMapping("/api/activities")
class ActivityHandler {

    private final ActivityPlanner planner;
    private final ActivityPlanner.SeatEvents seatEvents;

    ActivityHandler(ActivityPlanner planner, ActivityPlanner.SeatEvents seatEvents) {
        this.planner = planner;
        this.seatEvents = seatEvents;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ActivityView> plan(@Valid @RequestBody ActivityDraft draft) {
        return TenantScope.current()
                .flatMap(scope -> planner.plan(scope, draft))
                .map(ActivityView::of);
    }

    @PutMapping("/{id}")
    Mono<ActivityView> change(@PathVariable String id, @Valid @RequestBody ActivityDraft draft) {
        return TenantScope.current()
                .flatMap(scope -> planner.change(scope, id, draft, seatEvents))
                .map(ActivityView::of);
    }

    @PostMapping("/{id}/publish")
    Mono<ActivityView> publish(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> planner.publish(scope, id))
                .map(ActivityView::of);
    }

    /** Why an activity is called off; told to route-service so it can offer something else. */
    record Cancellation(@Size(max = 500) String reason) {}

    @PostMapping("/{id}/cancel")
    Mono<ActivityView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) Cancellation body) {
        return TenantScope.current()
                .flatMap(scope -> planner.cancel(scope, id, body == null ? null : body.reason()))
                .map(ActivityView::of);
    }

    @PostMapping("/{id}/finish")
    Mono<ActivityView> finish(@PathVariable String id) {
        return TenantScope.current().flatMap(scope -> planner.finish(scope, id)).map(ActivityView::of);
    }

    @GetMapping
    Flux<ActivityView> list(
            @RequestParam(required = false) String municipalityId, @RequestParam(required = false) ActivityKind kind) {
        return TenantScope.current()
                .flatMapMany(scope -> planner.find(scope, municipalityId, kind))
                .map(ActivityView::of);
    }

    @GetMapping("/{id}")
    Mono<ActivityView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> planner.byId(scope, id))
                .map(ActivityView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Activity " + id)));
    }
}
