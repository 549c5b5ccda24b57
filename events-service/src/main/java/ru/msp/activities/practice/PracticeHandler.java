package ru.msp.activities.practice;

import jakarta.validation.Valid;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/practices}: the bank of practices. */
@RestController
@RequestMapping("/api/practices")
class PracticeHandler {

    private final PracticeBank bank;

    PracticeHandler(PracticeBank bank) {
        this.bank = bank;
    }

    /** A practice as the API shows it (the document without its outbox). */
    record PracticeView(
            String id,
            String regionId,
            String municipalityId,
            String organizationId,
            String title,
            java.util.List<String> authorTeacherIds,
            java.util.List<String> competencyCodes,
            String presentedLevel,
            String materialsUrl,
            String activityId,
            String status,
            java.time.Instant submittedAt,
            java.time.Instant approvedAt) {

        static PracticeView of(Practice p) {
            return new PracticeView(
                    p.id(),
                    p.regionId(),
                    p.municipalityId(),
                    p.organizationId(),
                    p.title(),
                    p.authorTeacherIds(),
                    p.competencyCodes(),
                    p.presentedLevel(),
                    p.materialsUrl(),
                    p.activityId(),
                    p.status(),
                    p.submittedAt(),
                    p.approvedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PracticeView> submit(@Valid @RequestBody PracticeDraft draft) {
        return TenantScope.current().flatMap(scope -> bank.submit(scope, draft)).map(PracticeView::of);
    }

    @PostMapping("/{id}/approve")
    Mono<PracticeView> approve(@PathVariable String id) {
        return TenantScope.current().flatMap(scope -> bank.approve(scope, id)).map(PracticeView::of);
    }

    @GetMapping
    Flux<PracticeView> search(
            @RequestParam(required = false) String competency,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String organizationId) {
        return TenantScope.current()
                .flatMapMany(scope -> bank.search(scope, competency, status, organizationId))
                .map(PracticeView::of);
    }

    @GetMapping("/{id}")
    Mono<PracticeView> one(@PathVariable String id) {
        return TenantScope.current().flatMap(scope -> bank.one(scope, id)).map(PracticeView::of);
    }

    @Configuration(proxyBeanMethods = false)
    static class PracticeOutbox {

        @Bean
        OutboxCollection practicesCollection() {
            return new OutboxCollection(Practice.COLLECTION);
        }
    }
}
