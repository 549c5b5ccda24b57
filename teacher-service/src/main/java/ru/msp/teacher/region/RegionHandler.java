package ru.msp.teacher.region;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/regions}: the regions the platform serves. */
@RestController
@RequestMapping("/api/regions")
class RegionHandler {

    private final RegionRegistry registry;

    RegionHandler(RegionRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RegionView> register(@Valid @RequestBody RegionRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(RegionView::of);
    }

    @GetMapping
    Flux<RegionView> list() {
        return TenantScope.current().flatMapMany(registry::all).map(RegionView::of);
    }

    @GetMapping("/{id}")
    Mono<RegionView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(RegionView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Region " + id)));
    }
}
