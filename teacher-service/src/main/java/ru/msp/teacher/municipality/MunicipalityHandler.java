package ru.msp.teacher.municipality;

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

/** {@code /api/municipalities}: the municipalities of the regions served. */
@RestController
@RequestMapping("/api/municipalities")
class MunicipalityHandler {

    private final MunicipalityRegistry registry;

    MunicipalityHandler(MunicipalityRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MunicipalityView> register(@Valid @RequestBody MunicipalityRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(MunicipalityView::of);
    }

    @GetMapping
    Flux<MunicipalityView> list(@RequestParam(required = false) String regionId) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, regionId))
                .map(MunicipalityView::of);
    }

    @GetMapping("/{id}")
    Mono<MunicipalityView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(MunicipalityView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Municipality " + id)));
    }
}
