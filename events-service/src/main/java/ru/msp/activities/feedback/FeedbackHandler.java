package ru.msp.activities.feedback;

import jakarta.validation.Valid;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.tenancy.TenantScope;

/** Feedback questionnaires after activities and their summaries. */
@RestController
class FeedbackHandler {

    private final Questionnaires questionnaires;

    FeedbackHandler(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @PostMapping("/api/activities/{activityId}/feedback")
    Mono<ResponseEntity<FeedbackView>> submit(
            @PathVariable String activityId, @Valid @RequestBody FeedbackRequest body) {
        return TenantScope.current()
                .flatMap(scope -> questionnaires.submit(scope, activityId, body))
                .map(s -> ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(s.feedback()));
    }

    @GetMapping("/api/activities/{activityId}/feedback/summary")
    Mono<FeedbackSummary> ofActivity(@PathVariable String activityId) {
        return TenantScope.current().flatMap(scope -> questionnaires.ofActivity(scope, activityId));
    }

    @GetMapping("/api/activities/feedback/summary")
    Mono<FeedbackSummary> across(
            @RequestParam(required = false) String organizerId, @RequestParam(required = false) String competency) {
        return TenantScope.current().flatMap(scope -> questionnaires.across(scope, organizerId, competency));
    }

    @Configuration(proxyBeanMethods = false)
    static class FeedbackOutbox {

        @Bean
        OutboxCollection feedbackCollection() {
            return new OutboxCollection(Feedback.COLLECTION);
        }
    }
}
