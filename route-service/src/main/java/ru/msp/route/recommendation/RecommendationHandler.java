package ru.msp.route.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/recommendations}: targeted recommendations to teachers and school leaders. */
@RestController
@RequestMapping("/api/recommendations")
class RecommendationHandler {

    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> ADDRESSEES = Set.of(Recommendation.TEACHER, Recommendation.SCHOOL_LEADER);

    private final Recommendations recommendations;

    RecommendationHandler(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    /** Scoped, newest first: {@code ?teacherId=} a teacher's, {@code ?organizationId=} a school's (both kinds). */
    @GetMapping
    Flux<Recommendation> list(
            @RequestParam(required = false) String teacherId,
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String addressee,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more", page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_PAGE_SIZE, size));
        }
        if (addressee != null && !addressee.isBlank() && !ADDRESSEES.contains(addressee)) {
            problems.add(new FieldProblem("addressee", "must be TEACHER or SCHOOL_LEADER", addressee));
        }
        if (!problems.isEmpty()) {
            return Flux.error(RequestRejectedException.invalid(problems));
        }
        return TenantScope.current()
                .flatMapMany(scope -> recommendations.find(
                        scope,
                        blankToNull(teacherId),
                        blankToNull(organizationId),
                        blankToNull(addressee),
                        page,
                        size));
    }

    @GetMapping("/{id}")
    Mono<Recommendation> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> recommendations.byId(scope, id))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Recommendation " + id)));
    }

    /** A methodist asks for the school leader's recommendations now, for every staff group with a deficit. */
    @PostMapping("/leaders")
    Flux<Recommendation> forLeaders(@RequestParam String organizationId) {
        return TenantScope.current()
                .flatMapMany(scope -> CorrelationId.current()
                        .flatMapMany(correlationId ->
                                recommendations.forSchoolOnRequest(scope, organizationId, correlationId)));
    }

    /** The deficit shares of a school's staff per subject and competency (aggregates, no names). */
    @GetMapping("/staff-deficits")
    Mono<List<StaffDeficitShare>> staffDeficits(@RequestParam String organizationId) {
        return TenantScope.current().flatMap(scope -> recommendations.staffShares(scope, organizationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
