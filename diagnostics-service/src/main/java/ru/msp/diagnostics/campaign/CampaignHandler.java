package ru.msp.diagnostics.campaign;

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

/** {@code /api/diagnostics/campaigns}: diagnostic campaigns of every level. */
@RestController
@RequestMapping("/api/diagnostics/campaigns")
class CampaignHandler {

    private final CampaignRegistry registry;

    CampaignHandler(CampaignRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CampaignView> open(@RequestBody CampaignRequest request) {
        return TenantScope.current()
                .flatMap(scope -> registry.open(scope, request))
                .map(CampaignView::of);
    }

    @GetMapping
    Flux<CampaignView> list(
            @RequestParam(required = false) String level, @RequestParam(required = false) String schoolYear) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.list(scope, level, schoolYear))
                .map(CampaignView::of);
    }

    @GetMapping("/{id}")
    Mono<CampaignView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.visible(scope, id))
                .map(CampaignView::of)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Campaign " + id)));
    }
}
