package ru.msp.teacher.organization;

import jakarta.validation.Valid;
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

/** {@code /api/organizations}: schools, kindergartens, colleges and centres of the municipalities. */
@RestController
@RequestMapping("/api/organizations")
class OrganizationHandler {

    private final OrganizationRegistry registry;

    OrganizationHandler(OrganizationRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrganizationView> register(@Valid @RequestBody OrganizationRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(OrganizationView::of);
    }

    @GetMapping
    Flux<OrganizationView> list(
            @RequestParam(required = false) String municipalityId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String flag) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, municipalityId, type, flag))
                .map(OrganizationView::of);
    }

    @GetMapping("/{id}")
    Mono<OrganizationView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .flatMap(organization -> registry.management(organization)
                        .collectList()
                        .map(management -> OrganizationView.of(organization, management)))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Organisation " + id)));
    }

    /** Name, short name, type, flags and externalId; {@code OrganizationUpdated} when name, type or flags changed. */
    @PutMapping("/{id}")
    Mono<OrganizationView> update(@PathVariable String id, @Valid @RequestBody OrganizationUpdate update) {
        return TenantScope.current()
                .flatMap(scope -> registry.update(scope, id, update))
                .map(OrganizationView::of);
    }
}
