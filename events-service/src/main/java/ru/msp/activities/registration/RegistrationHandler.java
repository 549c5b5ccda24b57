package ru.msp.activities.registration;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/activities/{id}/registrations}: seats and the waitlist. */
@RestController
@RequestMapping("/api/activities/{activityId}/registrations")
class RegistrationHandler {

    private final Registrations registrations;

    RegistrationHandler(Registrations registrations) {
        this.registrations = registrations;
    }

    record RegistrationRequest(String teacherId) {}

    /** 201 with the seat or waitlist place taken; 200 with the existing place when the teacher is already in. */
    @PostMapping
    Mono<ResponseEntity<RegistrationView>> register(
            @PathVariable String activityId, @Valid @RequestBody RegistrationRequest body) {
        return TenantScope.current()
                .flatMap(scope -> registrations.register(scope, activityId, body.teacherId()))
                .map(o -> ResponseEntity.status(o.changed() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(o.registration()));
    }

    @DeleteMapping("/{teacherId}")
    Mono<RegistrationView> withdraw(@PathVariable String activityId, @PathVariable String teacherId) {
        return TenantScope.current()
                .flatMap(scope -> registrations.withdraw(scope, activityId, teacherId))
                .map(Registrations.Outcome::registration);
    }

    @GetMapping
    Flux<RegistrationView> list(@PathVariable String activityId) {
        return TenantScope.current().flatMapMany(scope -> registrations.list(scope, activityId));
    }
}
