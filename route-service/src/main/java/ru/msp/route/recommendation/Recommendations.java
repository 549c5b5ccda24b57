package ru.msp.route.recommendation;

import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.route.route.Route;
import ru.msp.route.teacher.TeacherCard;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * Issues and stores targeted recommendations; each is inserted with its {@code RecommendationIssued} in one document
 * write, under a deterministic id so that nothing is issued twice.
 */
@Service
public class Recommendations {

    private static final Logger log = LoggerFactory.getLogger(Recommendations.class);
    static final String SOURCE = "/msp/route-service";
    private static final TenantScope SYSTEM = TenantScope.system("route-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final TeacherCards cards;
    private final Clock clock = Clock.systemUTC();
    private final Counter toTeachers;
    private final Counter toLeaders;

    Recommendations(ScopedMongo mongo, OutboxRelay relay, TeacherCards cards, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.cards = cards;
        this.toTeachers = Counter.builder("msp_recommendations_issued_total")
                .tag("addressee", Recommendation.TEACHER)
                .register(meters);
        this.toLeaders = Counter.builder("msp_recommendations_issued_total")
                .tag("addressee", Recommendation.SCHOOL_LEADER)
                .register(meters);
    }

    /**
     * One recommendation to the teacher per diagnosis, from its deficits and the route (if any), with its event: to be
     * issued with the other diagnoses of the poll ({@link #issueAll}).
     */
    public Recommendation forTeacher(DomainEvent<DiagnosticCompleted> event, Optional<Route> route) {
        DiagnosticCompleted result = event.data();
        List<Deficit> deficits = result.deficits() == null ? List.of() : result.deficits();
        List<String> actions = Advice.forTeacher(deficits, route.orElse(null));
        String text = deficits.isEmpty()
                ? "Diagnosis " + result.resultId() + " found no professional deficits."
                : "Diagnosis " + result.resultId() + " found " + deficits.size() + " professional deficit"
                        + (deficits.size() == 1 ? "" : "s") + ": follow the steps below.";
        Recommendation recommendation = new Recommendation(
                "rec-" + result.resultId(),
                event.scope().regionId(),
                event.scope().municipalityId(),
                event.scope().organizationId(),
                result.teacherId(),
                Recommendation.TEACHER,
                deficits.stream().map(Deficit::competencyCode).toList(),
                null,
                null,
                null,
                null,
                text,
                actions,
                route.map(Route::id).orElse(null),
                result.resultId(),
                result.period(),
                today(),
                clock.instant(),
                List.of());
        return withEvent(recommendation, event.correlationId(), event.id());
    }

    /**
     * Stores recommendations built with their events ({@link #forTeacher}) in one write and has the relay publish
     * them; one already issued (a redelivered diagnosis) is left as it is.
     */
    public Mono<Void> issueAll(List<Recommendation> recommendations) {
        return mongo.insertAll(SYSTEM, recommendations)
                .doOnNext(alreadyIssued -> {
                    for (int i = 0; i < recommendations.size(); i++) {
                        if (!alreadyIssued.contains(i)) {
                            issued(recommendations.get(i));
                        }
                    }
                })
                .then();
    }

    /**
     * After diagnoses of a school: school-leader recommendations for every staff group of the school past the
     * threshold, from the staff's latest diagnoses. Called once per school and poll (not per diagnosis): reading a
     * school's staff is O(staff), and a school system posts its whole staff at once.
     */
    public Flux<Recommendation> forSchool(SchoolDiagnosed school) {
        String organizationId = school.organizationId();
        String period = school.period() != null ? school.period() : schoolYear(today());
        return cards.staffOf(organizationId)
                .collectList()
                .filter(staff -> !staff.isEmpty())
                .flatMapMany(staff -> Flux.fromIterable(StaffStatistics.of(staff))
                        .filter(StaffStatistics::crossesThreshold)
                        // most diagnoses of a school find its groups already advised this year: look before building
                        // (by id, not by a count: the embedded store answers a count by reading every recommendation)
                        .filterWhen(share -> mongo.findById(
                                        SYSTEM, leaderId(organizationId, period, share), Recommendation.class)
                                .hasElement()
                                .map(issued -> !issued))
                        .concatMap(share -> forLeader(
                                staff,
                                organizationId,
                                share,
                                period,
                                "threshold",
                                school.correlationId(),
                                school.causationId())));
    }

    /**
     * Issued on a methodist's request: a recommendation for every staff group with a deficit, whatever its size.
     * Already issued ones (this school year) are returned as they are.
     */
    public Flux<Recommendation> forSchoolOnRequest(TenantScope scope, String organizationId, String correlationId) {
        scope.require(Role.METHODIST, Role.MUNICIPAL_OPERATOR);
        return cards.staffOf(organizationId).collectList().flatMapMany(staff -> {
            TeacherCard any = staff.stream()
                    .filter(c -> c.lastDiagnosis() != null)
                    .findFirst()
                    .orElseThrow(() ->
                            RequestRejectedException.notFound("Diagnosed staff of organisation " + organizationId));
            scope.checkWrite(TenantKey.organization(any.regionId(), any.municipalityId(), organizationId));
            String period = schoolYear(today());
            return Flux.fromIterable(StaffStatistics.of(staff))
                    .concatMap(share -> forLeader(
                            staff,
                            organizationId,
                            share,
                            period,
                            "requested-by:" + scope.subject(),
                            correlationId,
                            correlationId));
        });
    }

    private Mono<Recommendation> forLeader(
            List<TeacherCard> staff,
            String organizationId,
            StaffDeficitShare share,
            String period,
            String basis,
            String correlationId,
            String causationId) {
        TeacherCard someone = staff.get(0);
        String leader = staff.stream()
                .filter(c -> c.facts() != null && "DIRECTOR".equals(c.facts().position()))
                .map(TeacherCard::teacherId)
                .sorted()
                .findFirst()
                .orElse(null);
        Recommendation recommendation = new Recommendation(
                leaderId(organizationId, period, share),
                someone.regionId(),
                someone.municipalityId(),
                organizationId,
                leader,
                Recommendation.SCHOOL_LEADER,
                List.of(share.competencyCode()),
                share.subject(),
                (double) share.share(),
                share.diagnosed(),
                share.withDeficit(),
                Advice.leaderText(share),
                Advice.forLeader(share),
                null,
                basis,
                period,
                today(),
                clock.instant(),
                List.of());
        return issue(recommendation, correlationId, causationId);
    }

    private static String leaderId(String organizationId, String period, StaffDeficitShare share) {
        return "rec-org-" + organizationId + "-" + period.replace('/', '-') + "-" + share.subject() + "-"
                + share.competencyCode();
    }

    /** Inserts with its event; an id already issued returns the stored recommendation and publishes nothing. */
    private Mono<Recommendation> issue(Recommendation recommendation, String correlationId, String causationId) {
        return mongo.insert(SYSTEM, withEvent(recommendation, correlationId, causationId))
                .doOnNext(this::issued)
                .onErrorResume(
                        DuplicateKeyException.class,
                        alreadyIssued -> mongo.findById(SYSTEM, recommendation.id(), Recommendation.class));
    }

    private static Recommendation withEvent(Recommendation recommendation, String correlationId, String causationId) {
        DomainEvent<RecommendationIssued> event = DomainEvent.create(
                SOURCE,
                EventCatalog.RECOMMENDATION_ISSUED,
                new EventScope(
                        recommendation.regionId(), recommendation.municipalityId(), recommendation.organizationId()),
                correlationId,
                causationId,
                new RecommendationIssued(
                        recommendation.id(),
                        recommendation.addressee(),
                        recommendation.teacherId(),
                        recommendation.organizationId(),
                        recommendation.competencyCodes(),
                        recommendation.issuedOn()));
        return recommendation.withOutbox(Outbox.with(List.of(), event));
    }

    private void issued(Recommendation saved) {
        relay.nudge(Recommendation.COLLECTION, saved.id());
        (Recommendation.TEACHER.equals(saved.addressee()) ? toTeachers : toLeaders).increment();
        log.info("Recommendation {} issued to {}", saved.id(), saved.addressee());
    }

    public Flux<Recommendation> find(
            TenantScope scope, String teacherId, String organizationId, String addressee, int page, int size) {
        Criteria criteria = new Criteria();
        if (teacherId != null) {
            criteria = criteria.and("teacherId").is(teacherId);
        }
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        if (addressee != null) {
            criteria = criteria.and("addressee").is(addressee);
        }
        return mongo.find(
                scope,
                query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                        .skip((long) page * size)
                        .limit(size),
                Recommendation.class);
    }

    public Mono<Recommendation> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Recommendation.class);
    }

    /** The deficit shares of a school's staff, for its leader and methodists (aggregates only, no names). */
    public Mono<List<StaffDeficitShare>> staffShares(TenantScope scope, String organizationId) {
        return cards.staffOf(organizationId).collectList().map(staff -> {
            TeacherCard any = staff.stream()
                    .findFirst()
                    .orElseThrow(() -> RequestRejectedException.notFound("Staff of organisation " + organizationId));
            TenantKey school = TenantKey.organization(any.regionId(), any.municipalityId(), organizationId);
            // the territories and the school itself; a teacher token is not a leader's and gets nothing
            if (!scope.mayWrite(school)) {
                throw RequestRejectedException.notFound("Staff of organisation " + organizationId);
            }
            return StaffStatistics.of(staff);
        });
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The school year (September to August) a date belongs to, e.g. {@code 2025/2026}. */
    static String schoolYear(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return start + "/" + (start + 1);
    }
}
