package ru.msp.indicators.programme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;

/** {@code /api/programs/presets}: the seed programmes a municipality can start its own programme from. */
@RestController
@RequestMapping("/api/programs/presets")
class PresetHandler {

    private final ProgrammePresets presets;

    PresetHandler(ProgrammePresets presets) {
        this.presets = presets;
    }

    @GetMapping
    Flux<ProgrammePreset> list() {
        return Flux.fromIterable(presets.all());
    }

    @GetMapping("/{id}")
    Mono<ProgrammePreset> one(@PathVariable String id) {
        return Mono.justOrEmpty(presets.byId(id))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Programme preset " + id)));
    }
}
