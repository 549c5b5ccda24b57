package ru.msp.activities.activity;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/activities}: methodical activities. */
@RestController
@RequestMapping("/api/activities")
class ActivityHandler {

    private final ActivityPlanner planner;

    ActivityHandler(ActivityPlanner planner) {
        this.planner = planner;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ActivityView> plan(@Valid @RequestBody ActivityDraft draft) {
        return TenantScope.current()
                .flatMap(scope -> planner.plan(scope, draft))
                .map(ActivityView::of);
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
