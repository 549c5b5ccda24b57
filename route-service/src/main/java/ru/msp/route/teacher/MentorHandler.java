package ru.msp.route.teacher;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import ru.msp.support.tenancy.TenantScope;

/**
 * {@code GET /api/routes/mentors?municipalityId=}: the mentors route suggestion can choose from, with their current
 * load (ids and subjects only: names stay in teacher-service).
 */
@RestController
class MentorHandler {

    private final TeacherCards cards;

    MentorHandler(TeacherCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/routes/mentors")
    Flux<MentorCandidate> mentors(@RequestParam String municipalityId) {
        return TenantScope.current().flatMapMany(scope -> cards.mentorsOfMunicipality(scope, municipalityId));
    }
}
