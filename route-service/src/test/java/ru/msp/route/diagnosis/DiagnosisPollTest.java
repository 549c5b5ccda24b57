package ru.msp.route.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.msp.route.RouteEvents.partial;
import static ru.msp.route.RouteEvents.pronounced;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.route.RouteEvents;
import ru.msp.route.recommendation.Recommendation;
import ru.msp.route.recommendation.Recommendations;
import ru.msp.route.route.NewRoutes;
import ru.msp.route.route.Route;
import ru.msp.route.route.RouteBook;
import ru.msp.route.route.RouteDeficit;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * One poll with several diagnoses of one teacher: the poll reads the teacher's routes once, before any of them is
 * applied (TeacherReads), so the second diagnosis must not plan against that read, which the first one's route made
 * stale. Calls the listener with the poll directly, as the container does, so both are surely in one poll.
 */
@WithPlatformInfrastructure
@SpringBootTest
class DiagnosisPollTest {

    @Autowired
    DiagnosisListener listener;

    @Autowired
    RouteBook routes;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Recommendations recommendations;

    @Autowired
    MeterRegistry meters;

    static final TenantScope ADMIN = TenantScope.system("test");

    @Test
    void theSecondDiagnosisOfATeacherInOnePollUpdatesTheRouteTheFirstOpened() {
        RouteEvents events = new RouteEvents(kafka);
        String teacher = RouteEvents.id("tch");
        DomainEvent<DiagnosticCompleted> first =
                events.diagnosis(teacher, RouteEvents.today().minusDays(30), List.of(), pronounced("ASSESSMENT"));
        DomainEvent<DiagnosticCompleted> second =
                events.diagnosis(teacher, RouteEvents.today(), List.of(), partial("ASSESSMENT"), partial("DIGITAL"));
        String other = RouteEvents.id("tch");
        DomainEvent<DiagnosticCompleted> another =
                events.diagnosis(other, RouteEvents.today(), List.of(), partial("DIGITAL"));

        listener.on(List.of(record(first), record(another), record(second)));

        Route route = routes.latestRoute(teacher).block();
        assertThat(route).isNotNull();
        assertThat(route.id()).as("the first route, not a second one").isEqualTo(Route.idOf(teacher, 1));
        assertThat(route.appliedResultIds())
                .containsExactlyInAnyOrder(
                        first.data().resultId(), second.data().resultId());
        assertThat(route.deficits()).extracting(RouteDeficit::competencyCode).contains("ASSESSMENT", "DIGITAL");
        assertThat(routes.latestRoute(other).block()).extracting(Route::id).isEqualTo(Route.idOf(other, 1));

        // the teachers' recommendations are stored with the poll, one per diagnosis; issuing them again (a poll
        // redelivered after a crash before its markers) stores and counts nothing more
        assertThat(recommendations
                        .find(ADMIN, teacher, null, null, 0, 10)
                        .map(Recommendation::id)
                        .collectList()
                        .block())
                .containsExactlyInAnyOrder(
                        "rec-" + first.data().resultId(), "rec-" + second.data().resultId());
        double issued = issuedToTeachers();
        recommendations
                .issueAll(List.of(
                        recommendations.forTeacher(first, Optional.empty()),
                        recommendations.forTeacher(another, Optional.empty())))
                .block();
        assertThat(issuedToTeachers()).isEqualTo(issued);
        assertThat(recommendations
                        .find(ADMIN, other, null, null, 0, 10)
                        .collectList()
                        .block())
                .hasSize(1);
    }

    @Test
    void aHeldRouteAnotherWriterOpenedMeanwhileGetsTheDiagnosisAppliedToTheirs() {
        RouteEvents events = new RouteEvents(kafka);
        String teacher = RouteEvents.id("tch");
        DomainEvent<DiagnosticCompleted> ours =
                events.diagnosis(teacher, RouteEvents.today().minusDays(1), List.of(), partial("ASSESSMENT"));
        DomainEvent<DiagnosticCompleted> theirs =
                events.diagnosis(teacher, RouteEvents.today().minusDays(2), List.of(), partial("DIGITAL"));
        NewRoutes held = new NewRoutes();

        routes.suggest(ours).contextWrite(held::into).block();
        assertThat(routes.latestRoute(teacher).block())
                .as("held until the poll's end")
                .isNull();
        routes.suggest(theirs).block(); // another instance opens the teacher's first route meanwhile
        routes.insertHeld(held).block();

        Route route = routes.latestRoute(teacher).block();
        assertThat(route.id()).as("no second route").isEqualTo(Route.idOf(teacher, 1));
        assertThat(route.appliedResultIds())
                .containsExactlyInAnyOrder(ours.data().resultId(), theirs.data().resultId());
        assertThat(route.deficits()).extracting(RouteDeficit::competencyCode).contains("ASSESSMENT", "DIGITAL");
    }

    private double issuedToTeachers() {
        return meters.get("msp_recommendations_issued_total")
                .tag("addressee", Recommendation.TEACHER)
                .counter()
                .count();
    }

    private static ConsumerRecord<String, String> record(DomainEvent<?> event) {
        return new ConsumerRecord<>("diagnostics.v1", 0, 0, event.subject(), CloudEventCodec.encodeToString(event));
    }
}
