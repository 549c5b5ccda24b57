package ru.msp.route.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.route.offer.Offer;
import ru.msp.route.offer.OfferCatalogue;
import ru.msp.route.suggestion.RouteSuggester;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/routes}: individual educational routes, their lifecycle and the unmet needs for operators. */
@RestController
@RequestMapping("/api/routes")
class RouteHandler {

    static final int MAX_PAGE_SIZE = 200;

    private final RouteBook book;
    private final RouteLifecycle lifecycle;
    private final OfferCatalogue offers;

    RouteHandler(RouteBook book, RouteLifecycle lifecycle, OfferCatalogue offers) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.offers = offers;
    }

    /** Scoped, newest first, one page; {@code stalled=true} lists open routes past a due date. */
    @GetMapping
    Flux<RouteView> list(
            @RequestParam(required = false) String teacherId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String municipalityId,
            @RequestParam(defaultValue = "false") boolean stalled,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more", page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE, size));
        }
        if (status != null && !status.isBlank() && !Route.STATUSES.contains(status)) {
            problems.add(new FieldProblem(
                    "status",
                    "must be one of " + Route.STATUSES.stream().sorted().toList(),
                    status));
        }
        if (!problems.isEmpty()) {
            return Flux.error(RequestRejectedException.invalid(problems));
        }
        RouteFilter filter = new RouteFilter(
                blankToNull(teacherId),
                blankToNull(status),
                blankToNull(organizationId),
                blankToNull(municipalityId),
                stalled,
                page,
                size);
        return TenantScope.current()
                .flatMapMany(scope -> book.find(scope, filter))
                .map(route -> RouteView.of(route, book.today(), Map.of()));
    }

    @GetMapping("/{id}")
    Mono<RouteView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> book.byId(scope, id))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Route " + id)))
                .flatMap(this::withOffers);
    }

    @PostMapping("/{id}/approve")
    Mono<RouteView> approve(@PathVariable String id, @RequestBody(required = false) RouteRequests.Approval approval) {
        return TenantScope.current()
                .flatMap(scope -> lifecycle.approve(scope, id, approval))
                .flatMap(this::withOffers);
    }

    @PostMapping("/{id}/cancel")
    Mono<RouteView> cancel(
            @PathVariable String id, @RequestBody(required = false) RouteRequests.Cancellation cancellation) {
        return TenantScope.current()
                .flatMap(scope -> lifecycle.cancel(scope, id, cancellation))
                .flatMap(this::withOffers);
    }

    @PatchMapping("/{id}/steps/{stepId}")
    Mono<RouteView> step(
            @PathVariable String id,
            @PathVariable String stepId,
            @RequestBody(required = false) RouteRequests.StepUpdate update) {
        return TenantScope.current()
                .flatMap(scope -> lifecycle.stepDone(scope, id, stepId, update))
                .flatMap(this::withOffers);
    }

    /**
     * Deficits no activity could serve, per competency, over the open routes of a municipality in the caller's
     * scope: what operators should plan events for.
     */
    @GetMapping("/unmet-needs")
    Flux<UnmetNeed> unmetNeeds(@RequestParam String municipalityId) {
        return TenantScope.current()
                .flatMapMany(scope -> book.ofMunicipality(scope, municipalityId, true))
                .collectList()
                .flatMapMany(routes -> Flux.fromIterable(UnmetNeed.aggregate(routes)));
    }

    private Mono<RouteView> withOffers(Route route) {
        List<String> activityIds = route.steps().stream()
                .filter(s -> s.offerId() != null && !"MENTOR".equals(s.offerKind()))
                .map(Step::offerId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Mono<Map<String, Offer>> known = activityIds.isEmpty()
                ? Mono.just(Map.of())
                : offers.byIds(activityIds).collectMap(Offer::activityId, Function.identity());
        return known.map(byId -> RouteView.of(route, book.today(), byId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Unmet needs of one competency. */
    record UnmetNeed(String competencyCode, int teachers, int pronounced, int partial) {

        static List<UnmetNeed> aggregate(List<Route> routes) {
            Map<String, List<Step>> byCompetency = routes.stream()
                    .flatMap(route -> route.steps().stream())
                    .filter(s -> RouteSuggester.NO_OFFER_SELF_STUDY.equals(s.rule()) && Step.OPEN.equals(s.status()))
                    .collect(Collectors.groupingBy(Step::competencyCode));
            return byCompetency.entrySet().stream()
                    .map(e -> new UnmetNeed(
                            e.getKey(),
                            e.getValue().size(),
                            (int) e.getValue().stream()
                                    .filter(s -> s.severity() == ru.msp.contracts.DeficitSeverity.PRONOUNCED)
                                    .count(),
                            (int) e.getValue().stream()
                                    .filter(s -> s.severity() == ru.msp.contracts.DeficitSeverity.PARTIAL)
                                    .count()))
                    .sorted(Comparator.comparingInt(UnmetNeed::teachers)
                            .reversed()
                            .thenComparing(UnmetNeed::competencyCode))
                    .toList();
        }
    }
}
