package ru.msp.indicators.catalogue;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;

/** {@code /api/indicators/definitions}: the indicator catalogue, whole or one indicator by {@code ?code=}. */
@RestController
@RequestMapping("/api/indicators/definitions")
class DefinitionHandler {

    private final IndicatorCatalogue catalogue;

    DefinitionHandler(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    Flux<IndicatorDefinition> all() {
        return Flux.fromIterable(catalogue.all());
    }

    @GetMapping(params = "code")
    Mono<IndicatorDefinition> one(@RequestParam String code) {
        return Mono.justOrEmpty(catalogue.byCode(code))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Indicator " + code)));
    }
}
