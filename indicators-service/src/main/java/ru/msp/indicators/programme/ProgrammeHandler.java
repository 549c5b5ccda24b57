package ru.msp.indicators.programme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/programs/{municipalityId}}: a municipality's programme (indicators, targets, school years). */
@RestController
@RequestMapping("/api/programs")
class ProgrammeHandler {

    private final ProgrammeRegistry programmes;

    ProgrammeHandler(ProgrammeRegistry programmes) {
        this.programmes = programmes;
    }

    @GetMapping("/{municipalityId}")
    Mono<Programme> one(@PathVariable String municipalityId) {
        return TenantScope.current()
                .flatMap(scope -> programmes.byMunicipality(scope, municipalityId))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Programme of " + municipalityId)));
    }

    @PutMapping("/{municipalityId}")
    Mono<Programme> replace(@PathVariable String municipalityId, @RequestBody ProgrammeUpdate update) {
        return TenantScope.current().flatMap(scope -> programmes.edit(scope, municipalityId, update));
    }
}
