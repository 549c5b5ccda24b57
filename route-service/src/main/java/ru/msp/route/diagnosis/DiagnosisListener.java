package ru.msp.route.diagnosis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.route.recommendation.Recommendation;
import ru.msp.route.recommendation.Recommendations;
import ru.msp.route.recommendation.SchoolDiagnosed;
import ru.msp.route.route.NewRoutes;
import ru.msp.route.route.RegionReads;
import ru.msp.route.route.RouteBook;
import ru.msp.route.route.TeacherReads;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.support.consumer.IdempotentConsumer;

/**
 * The product's main chain: a {@code DiagnosticCompleted} becomes a route (or updates the open one), a
 * recommendation to the teacher and, when a school's share of a deficit crosses the threshold, one to its leader
 * (judged once per school and poll), with nobody pressing a button. Each effect is idempotent on its own (a
 * redelivery after a crash between them repeats only what was not stored). Routes are written diagnosis by
 * diagnosis; what follows from them (the cards' latest diagnoses, participation the cards remembered, the teachers'
 * recommendations, the schools' statistics) once per poll, after its routes.
 */
@Component
class DiagnosisListener {

    private final IdempotentConsumer consumer;
    private final TeacherCards cards;
    private final RouteBook routes;
    private final Recommendations recommendations;

    DiagnosisListener(
            IdempotentConsumer consumer, TeacherCards cards, RouteBook routes, Recommendations recommendations) {
        this.consumer = consumer;
        this.cards = cards;
        this.routes = routes;
        this.recommendations = recommendations;
    }

    @KafkaListener(topics = "diagnostics.v1", groupId = "route-service.routes")
    void on(List<ConsumerRecord<String, String>> records) {
        RegionReads regions = new RegionReads(); // a region's offers, practices and mentors: read once per poll
        TeacherReads teachers = new TeacherReads(); // the teachers' latest routes and cards: read once per poll
        TeacherCards.CardChanges diagnosed = cards.changes(); // the cards' newest diagnoses: written once per poll
        List<RouteBook.Suggested> suggested = new ArrayList<>(); // remembered participation: looked at once per poll
        List<Recommendation> advised = new ArrayList<>(); // the teachers' recommendations: stored once per poll
        NewRoutes opened = new NewRoutes(); // the routes the poll opens: inserted once per poll, before the rest
        consumer.handle(
                records,
                "route-suggestion",
                toApply -> routes.readAhead(teachers, diagnosedTeachers(toApply)),
                event -> apply(event, diagnosed, suggested, advised)
                        .contextWrite(regions::into)
                        .contextWrite(teachers::into)
                        .contextWrite(opened::into),
                applied -> routes.insertHeld(opened)
                        .then(diagnosed.write())
                        .then(routes.applyRemembered(suggested))
                        .then(recommendations.issueAll(advised))
                        .then(schools(applied)));
    }

    private static Set<String> diagnosedTeachers(List<DomainEvent<?>> events) {
        Set<String> teachers = new LinkedHashSet<>();
        for (DomainEvent<?> event : events) {
            if (event.data() instanceof DiagnosticCompleted result && result.teacherId() != null) {
                teachers.add(result.teacherId());
            }
        }
        return teachers;
    }

    /** School statistics once per school of the poll, after every diagnosis of it is on the teachers' cards. */
    private Mono<?> schools(List<DomainEvent<?>> applied) {
        return Flux.fromIterable(SchoolDiagnosed.of(applied))
                .concatMap(recommendations::forSchool)
                .then();
    }

    @SuppressWarnings("unchecked")
    private Mono<?> apply(
            DomainEvent<?> event,
            TeacherCards.CardChanges diagnosed,
            List<RouteBook.Suggested> suggested,
            List<Recommendation> advised) {
        if (!(event.data() instanceof DiagnosticCompleted)) {
            return Mono.empty();
        }
        DomainEvent<DiagnosticCompleted> diagnosis = (DomainEvent<DiagnosticCompleted>) event;
        // the route does not need the card's diagnosis, which is written with the poll's others before the school's
        // recommendation (from the cards), see schools(); the teacher's comes from the route
        return routes.suggest(diagnosis)
                .doOnNext(route -> suggested.add(new RouteBook.Suggested(route, diagnosis)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(route -> diagnosed.diagnosed(diagnosis))
                .doOnNext(route -> advised.add(recommendations.forTeacher(diagnosis, route)));
    }
}
