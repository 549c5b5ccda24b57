package ru.msp.teacher.teacher;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/** {@code /api/teachers}: the teachers and managers of the organisations. */
@RestController
@RequestMapping("/api/teachers")
class TeacherHandler {

    private final TeacherRegistry registry;

    TeacherHandler(TeacherRegistry registry) {
        this.registry = registry;
    }

    /** Validated by the registry, so that field constraints and date rules come back in one problem. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TeacherView> register(@RequestBody TeacherRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    @GetMapping
    Flux<TeacherView> list(
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String municipalityId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, organizationId, municipalityId, q, status, page, size))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    @GetMapping("/{id}")
    Mono<TeacherView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(teacher -> TeacherView.of(teacher, registry.today()))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)));
    }

    /** Soft departure: the teacher stays readable with status DEPARTED. */
    @DeleteMapping("/{id}")
    Mono<TeacherView> depart(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.depart(scope, id))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }
}
