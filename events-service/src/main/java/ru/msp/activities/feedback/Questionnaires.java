package ru.msp.activities.feedback;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.participation.ParticipationLedger;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.FeedbackReceived;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/** Feedback questionnaires: one per participant (registered or attended), summarised per activity, organiser, competency. */
@Service
public class Questionnaires {

    private static final TenantScope SELF = TenantScope.system("events-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final ActivityPlanner planner;
    private final TeacherDirectory directory;
    private final ParticipationLedger ledger;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    Questionnaires(
            ScopedMongo mongo,
            OutboxRelay relay,
            ActivityPlanner planner,
            TeacherDirectory directory,
            ParticipationLedger ledger,
            MeterRegistry meters) {
        this.meters = meters;
        this.mongo = mongo;
        this.relay = relay;
        this.planner = planner;
        this.directory = directory;
        this.ledger = ledger;
    }

    /** The first answer is stored (created = true); the same answer again is a no-op; a different one a 409. */
    public record Submitted(FeedbackView feedback, boolean created) {}

    public Mono<Submitted> submit(TenantScope scope, String activityId, FeedbackRequest body) {
        scope.require(
                Role.TEACHER, Role.SCHOOL_SYSTEM, Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR);
        return planner.load(scope, activityId).flatMap(activity -> {
            if (activity.status() != ActivityStatus.PUBLISHED && activity.status() != ActivityStatus.FINISHED) {
                return Mono.error(RequestRejectedException.conflict("This activity takes no feedback."));
            }
            return teacher(scope, body.teacherId())
                    .flatMap(teacher -> participant(activity, teacher.id()).flatMap(participated -> {
                        if (!participated) {
                            return Mono.error(RequestRejectedException.invalid(List.of(new FieldProblem(
                                    "teacherId", "only participants (registered or attended) answer", teacher.id()))));
                        }
                        Feedback answer = new Feedback(
                                activityId + ":" + teacher.id(),
                                activityId,
                                teacher.id(),
                                teacher.regionId(),
                                teacher.municipalityId(),
                                teacher.organizationId(),
                                activity.organizerId(),
                                activity.competencyCodes(),
                                body.usefulness(),
                                body.relevance(),
                                body.satisfaction(),
                                body.comment(),
                                clock.instant(),
                                List.of());
                        return ActivityPlanner.event(
                                        new EventScope(
                                                teacher.regionId(), teacher.municipalityId(), teacher.organizationId()),
                                        EventCatalog.FEEDBACK_RECEIVED,
                                        new FeedbackReceived(
                                                activityId,
                                                teacher.id(),
                                                body.usefulness(),
                                                body.relevance(),
                                                body.satisfaction()))
                                .flatMap(event ->
                                        mongo.insert(scope, withOutbox(answer, Outbox.with(List.of(), event))))
                                .doOnNext(saved -> relay.nudge(Feedback.COLLECTION, saved.id()))
                                .map(saved -> new Submitted(FeedbackView.of(saved), true))
                                .doOnNext(s -> count("received"))
                                .onErrorResume(
                                        DuplicateKeyException.class,
                                        repeated -> mongo.findById(SELF, answer.id(), Feedback.class)
                                                .flatMap(
                                                        stored -> stored.sameAnswers(answer)
                                                                ? Mono.just(
                                                                        new Submitted(FeedbackView.of(stored), false))
                                                                : Mono.error(
                                                                        RequestRejectedException.conflict(
                                                                                "This participant already answered the questionnaire."))));
                    }));
        });
    }

    public Mono<FeedbackSummary> ofActivity(TenantScope scope, String activityId) {
        // whoever may read the activity sees its averages (they name no one)
        return planner.read(scope, activityId)
                .flatMap(activity -> mongo.find(SELF, query(where("activityId").is(activityId)), Feedback.class)
                        .collectList()
                        .map(all -> FeedbackSummary.of(activityId, activity.organizerId(), null, all)));
    }

    /** Across the caller's territory, for one organiser or one competency. */
    public Mono<FeedbackSummary> across(TenantScope scope, String organizerId, String competency) {
        if ((organizerId == null) == (competency == null)) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(FieldProblem.of("organizerId", "give either organizerId or competency"))));
        }
        scope.require(Role.METHODIST, Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR);
        Criteria criteria = organizerId != null
                ? where("organizerId").is(organizerId)
                : where("competencyCodes").is(competency);
        return mongo.find(scope, query(criteria), Feedback.class)
                .collectList()
                .map(all -> FeedbackSummary.of(null, organizerId, competency, all));
    }

    private void count(String outcome) {
        meters.counter("msp_feedback_total", "outcome", outcome).increment();
    }

    private Mono<Boolean> participant(ru.msp.activities.activity.Activity activity, String teacherId) {
        if (activity.registered() != null && activity.registered().contains(teacherId)) {
            return Mono.just(true);
        }
        return ledger.attended(activity.id(), teacherId);
    }

    private Mono<AudienceMember> teacher(TenantScope scope, String teacherId) {
        return directory
                .byId(teacherId)
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.invalid(
                        List.of(new FieldProblem("teacherId", "no teacher with this id is known", teacherId)))))
                .doOnNext(t -> {
                    if (!scope.mayWrite(t.tenantKey())) {
                        throw new RequestRejectedException(
                                HttpStatus.FORBIDDEN, "You may not answer for this teacher.", List.of());
                    }
                });
    }

    private static Feedback withOutbox(Feedback f, List<ru.msp.support.outbox.PendingEvent> outbox) {
        return new Feedback(
                f.id(),
                f.activityId(),
                f.teacherId(),
                f.regionId(),
                f.municipalityId(),
                f.organizationId(),
                f.organizerId(),
                f.competencyCodes(),
                f.usefulness(),
                f.relevance(),
                f.satisfaction(),
                f.comment(),
                f.submittedAt(),
                outbox);
    }
}
