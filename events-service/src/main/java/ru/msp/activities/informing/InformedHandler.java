package ru.msp.activities.informing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.TenantScope;

/** {@code GET /api/activities/{id}/informed}: who of the audience was informed. */
@RestController
class InformedHandler {

    private final ActivityPlanner planner;
    private final Informer informer;

    InformedHandler(ActivityPlanner planner, Informer informer) {
        this.planner = planner;
        this.informer = informer;
    }

    /** The teachers informed (ids only); a teacher sees the count and whether they are among them. */
    record InformedView(String activityId, long count, List<String> teacherIds) {}

    @GetMapping("/api/activities/{activityId}/informed")
    Mono<InformedView> informed(@PathVariable String activityId) {
        return TenantScope.current()
                .flatMap(scope -> planner.read(scope, activityId)
                        .flatMap(activity -> informer.ofActivity(activityId)
                                .map(Informed::teacherId)
                                .collectList()
                                .map(ids -> {
                                    boolean staff = scope.system()
                                            || scope.hasAny(
                                                    Role.ADMIN,
                                                    Role.METHODIST,
                                                    Role.MUNICIPAL_OPERATOR,
                                                    Role.REGIONAL_OPERATOR,
                                                    Role.SCHOOL_SYSTEM);
                                    List<String> shown = staff
                                            ? ids
                                            : ids.stream()
                                                    .filter(id -> id.equals(scope.teacherId()))
                                                    .toList();
                                    return new InformedView(activityId, ids.size(), shown);
                                })));
    }
}
