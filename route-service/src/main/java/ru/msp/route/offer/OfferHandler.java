package ru.msp.route.offer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import ru.msp.support.tenancy.TenantScope;

/** {@code GET /api/routes/offers?municipalityId=}: what routes can currently be built from, for methodists. */
@RestController
class OfferHandler {

    private final OfferCatalogue offers;

    OfferHandler(OfferCatalogue offers) {
        this.offers = offers;
    }

    @GetMapping("/api/routes/offers")
    Flux<Offer> offers(@RequestParam String municipalityId) {
        return TenantScope.current().flatMapMany(scope -> offers.inMunicipality(scope, municipalityId));
    }
}
