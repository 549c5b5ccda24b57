package ru.msp.teacher.mentorship;

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

/** {@code /api/mentorships}: mentoring pairs, their end and their sessions log. */
@RestController
@RequestMapping("/api/mentorships")
class MentorshipHandler {

    private final MentorshipRegistry registry;

    MentorshipHandler(MentorshipRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MentorshipView> start(@RequestBody MentorshipStart start) {
        return TenantScope.current()
                .flatMap(scope -> registry.start(scope, start))
                .map(MentorshipView::of);
    }

    /** {@code organizationId} matches the mentee's or the mentor's organisation. */
    @GetMapping
    Flux<MentorshipView> list(
            @RequestParam(required = false) String mentorId,
            @RequestParam(required = false) String menteeId,
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String status) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, mentorId, menteeId, organizationId, form, status))
                .map(MentorshipView::of);
    }

    @GetMapping("/{id}")
    Mono<MentorshipView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(MentorshipView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Mentorship " + id)));
    }

    @PostMapping("/{id}/end")
    Mono<MentorshipView> end(@PathVariable String id, @RequestBody MentorshipEnd end) {
        return TenantScope.current()
                .flatMap(scope -> registry.end(scope, id, end))
                .map(MentorshipView::of);
    }

    @PostMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MentorshipView> session(@PathVariable String id, @RequestBody SessionRecord session) {
        return TenantScope.current()
                .flatMap(scope -> registry.addSession(scope, id, session))
                .map(MentorshipView::of);
    }
}
