package ru.msp.teacher.community;

import java.time.LocalDate;
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

/** {@code /api/communities}: communities and methodical associations with their members. */
@RestController
@RequestMapping("/api/communities")
class CommunityHandler {

    private final CommunityRegistry registry;

    CommunityHandler(CommunityRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CommunityView> register(@RequestBody CommunityRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(CommunityView::of);
    }

    /** {@code teacherId}: the communities the teacher is a member of now. */
    @GetMapping
    Flux<CommunityView> list(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String municipalityId,
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String teacherId) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, level, municipalityId, organizationId, teacherId))
                .map(CommunityView::of);
    }

    @GetMapping("/{id}")
    Mono<CommunityView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(CommunityView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Community " + id)));
    }

    /** Body {@code teacherId}, {@code date} (joined on, default today). */
    @PostMapping("/{id}/members")
    Mono<CommunityView> join(@PathVariable String id, @RequestBody MembershipChange change) {
        return TenantScope.current()
                .flatMap(scope -> registry.join(scope, id, change))
                .map(CommunityView::of);
    }

    /** Body {@code date} (left on, default today); the teacher's membership history is kept. */
    @PostMapping("/{id}/members/{teacherId}/leave")
    Mono<CommunityView> leave(
            @PathVariable String id, @PathVariable String teacherId, @RequestBody(required = false) LeaveBody body) {
        LocalDate date = body == null ? null : body.date();
        return TenantScope.current()
                .flatMap(scope -> registry.leave(scope, id, teacherId, date))
                .map(CommunityView::of);
    }

    record LeaveBody(LocalDate date) {}
}
