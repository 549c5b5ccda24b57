package ru.msp.route.route;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;
import reactor.util.retry.Retry;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.Topics;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.UnmetNeedRecorded;
import ru.msp.route.offer.Offer;
import ru.msp.route.offer.OfferCatalogue;
import ru.msp.route.suggestion.Learner;
import ru.msp.route.suggestion.PlannedStep;
import ru.msp.route.suggestion.RouteSuggester;
import ru.msp.route.suggestion.Suggestion;
import ru.msp.route.teacher.MentorCandidate;
import ru.msp.route.teacher.Participation;
import ru.msp.route.teacher.TeacherCard;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * Stores routes and applies every change to them: suggestion from a diagnosis, participation, approval, manual
 * steps, cancellation. Each change and its events are one document write, conditional on the version read, and
 * retried on a concurrent change.
 */
@Service
public class RouteBook {

    private static final Logger log = LoggerFactory.getLogger(RouteBook.class);
    static final String SOURCE = "/msp/route-service";
    static final TenantScope SYSTEM = TenantScope.system("route-service");
    static final int ATTEMPTS = 8;

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final OfferCatalogue offers;
    private final TeacherCards cards;
    private final RouteSuggester suggester = new RouteSuggester();
    private final Clock clock = Clock.systemUTC();
    private final Counter created;
    private final Counter updated;
    private final MeterRegistry meters;
    private final Timer suggestionTime;

    /** A concurrent write changed the route between the read and the write: read again and retry. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("route changed concurrently", null, false, false);
        }
    }

    RouteBook(ScopedMongo mongo, OutboxRelay relay, OfferCatalogue offers, TeacherCards cards, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.offers = offers;
        this.cards = cards;
        this.meters = meters;
        this.created = Counter.builder("msp_routes_suggested_total")
                .description("Routes suggested from diagnoses: created, or an open route updated")
                .tag("outcome", "created")
                .register(meters);
        this.updated = Counter.builder("msp_routes_suggested_total")
                .description("Routes suggested from diagnoses: created, or an open route updated")
                .tag("outcome", "updated")
                .register(meters);
        this.suggestionTime = Timer.builder("msp_route_suggestion_seconds")
                .description("From the DiagnosticCompleted event time until the route is written")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- suggestion ------------------------------------------------------------------------------------------

    /**
     * Turns a diagnosis into a route: a new route (SUGGESTED) when the teacher has no open one and deficits were
     * found, else an update of the open route. A diagnosis already applied changes nothing. Empty when there is no
     * route to show (no deficits and no open route).
     */
    public Mono<Route> suggest(DomainEvent<DiagnosticCompleted> event) {
        return Mono.defer(() -> attemptSuggestion(event))
                .retryWhen(Retry.max(ATTEMPTS)
                        .filter(e -> e instanceof ConcurrentChange || e instanceof DuplicateKeyException));
    }

    /**
     * Reads the latest routes, the cards and the open mentoring pairs of a poll's diagnosed teachers into
     * {@code reads}, with one query each, side by side, for {@link #suggest} to take from the Reactor context (see
     * {@link TeacherReads}).
     */
    public Mono<Void> readAhead(TeacherReads reads, Collection<String> teacherIds) {
        if (teacherIds.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> routes = mongo.findByIds(SYSTEM, TeacherReads.routeIds(teacherIds), Route.class)
                .collectList()
                .doOnNext(found -> reads.routesFound(teacherIds, found))
                .then();
        Mono<Void> known = cards.cards(teacherIds)
                .collectList()
                .doOnNext(found -> reads.cardsFound(teacherIds, found))
                .then();
        Mono<Void> mentees = cards.menteesAmong(teacherIds)
                .collect(Collectors.toSet())
                .doOnNext(found -> reads.menteesFound(teacherIds, found))
                .then();
        return Mono.when(routes, known, mentees);
    }

    private Mono<Route> attemptSuggestion(DomainEvent<DiagnosticCompleted> event) {
        DiagnosticCompleted result = event.data();
        Instant now = clock.instant();
        Measurement measurement = measurementOf(event);
        List<Deficit> found = result.deficits() == null ? List.of() : result.deficits();
        return Mono.deferContextual(poll -> {
            NewRoutes held = NewRoutes.in(poll);
            // a second diagnosis of the teacher in this poll: its held route is inserted first, then read as stored
            Mono<Void> heldFirst = held != null && held.holds(result.teacherId()) ? insertHeld(held) : Mono.empty();
            return heldFirst
                    .then(Mono.zip(
                            TeacherReads.latestRoute(poll, result.teacherId(), () -> latestRoute(result.teacherId())),
                            TeacherReads.card(poll, result.teacherId(), () -> cards.card(result.teacherId()))))
                    .flatMap(known -> {
                        Learner learner = learnerOf(event, known.getT2(), false);
                        // only a young specialist needs the mentoring pairs looked at
                        return learner.youngSpecialist(LocalDate.ofInstant(now, ZoneOffset.UTC))
                                ? TeacherReads.mentored(
                                                poll, result.teacherId(), () -> cards.hasMentor(result.teacherId()))
                                        .map(mentored ->
                                                Tuples.of(known.getT1(), learnerOf(event, known.getT2(), mentored)))
                                : Mono.just(Tuples.of(known.getT1(), learner));
                    })
                    .flatMap(known -> {
                        Optional<Route> latest = known.getT1();
                        Learner learner = known.getT2();
                        if (latest.isPresent() && latest.get().open()) {
                            Route route = latest.get();
                            if (route.applied(result.resultId())) {
                                return Mono.just(route);
                            }
                            List<Deficit> added = route.older(measurement) ? List.of() : route.newDeficits(found);
                            return plan(learner, added, result.frameworkVersion(), !route.hasMentorStep(), now)
                                    .flatMap(suggestion -> write(
                                                    SYSTEM,
                                                    route,
                                                    route.rediagnosed(measurement, found, suggestion, now),
                                                    event.correlationId(),
                                                    event.id())
                                            .doOnNext(saved -> suggested(event, saved, suggestion, updated)));
                        }
                        Mono<Route> closeLatest = latest.map(closed -> write(
                                        SYSTEM,
                                        closed,
                                        closed.measuredAfterClosing(measurement, now),
                                        event.correlationId(),
                                        event.id()))
                                .orElse(Mono.empty());
                        if (found.isEmpty()) {
                            return closeLatest.then(Mono.empty());
                        }
                        int number = latest.map(r -> r.number() + 1).orElse(1);
                        TenantKey scope = new TenantKey(
                                event.scope().regionId(),
                                event.scope().municipalityId(),
                                event.scope().organizationId(),
                                result.teacherId());
                        return closeLatest.then(plan(learner, found, result.frameworkVersion(), true, now)
                                .flatMap(suggestion -> {
                                    RouteChange change = Route.open(
                                            result.teacherId(),
                                            number,
                                            scope,
                                            result.frameworkVersion(),
                                            measurement,
                                            found,
                                            suggestion,
                                            now);
                                    if (held != null) {
                                        held.hold(new NewRoutes.Held(
                                                withOutbox(change, event.correlationId(), event.id()),
                                                event,
                                                suggestion));
                                        return Mono.just(change.route());
                                    }
                                    return insert(change, event.correlationId(), event.id())
                                            .doOnNext(saved -> suggested(event, saved, suggestion, created));
                                }));
                    });
        });
    }

    private Mono<Suggestion> plan(
            Learner learner, List<Deficit> deficits, String frameworkVersion, boolean mentorWanted, Instant now) {
        if (deficits.isEmpty()) {
            return Mono.just(new Suggestion(List.of(), List.of()));
        }
        String region = learner.regionId();
        boolean mentorNeeded = mentorWanted
                && !learner.hasMentor()
                && learner.youngSpecialist(LocalDate.ofInstant(now, ZoneOffset.UTC));
        return Mono.deferContextual(poll -> Mono.zip(
                        RegionReads.of(poll, "offers", region, () -> offers.ofRegion(region)),
                        RegionReads.of(poll, "practices", region, () -> offers.practicesOfRegion(region)),
                        mentorNeeded
                                ? RegionReads.of(poll, "mentors", region, () -> cards.mentorsOfRegion(region))
                                : Mono.just(List.<MentorCandidate>of())))
                .map(loaded -> suggester.suggest(
                        learner,
                        deficits,
                        frameworkVersion,
                        loaded.getT1(),
                        loaded.getT2(),
                        loaded.getT3(),
                        mentorWanted,
                        now));
    }

    private void suggested(DomainEvent<DiagnosticCompleted> event, Route route, Suggestion suggestion, Counter kind) {
        kind.increment();
        suggestionTime.record(Duration.between(event.time(), clock.instant()).abs());
        suggestion.unmet().forEach(deficit -> unmetCounter(deficit.severity()).increment());
        log.info(
                "Route {} of teacher {} from diagnosis {}: {} steps, {} unmet",
                route.id(),
                route.teacherId(),
                event.data().resultId(),
                route.steps().size(),
                suggestion.unmet().size());
    }

    private Counter unmetCounter(DeficitSeverity severity) {
        return Counter.builder("msp_unmet_needs_total")
                .description("Deficits for which no activity could be offered")
                .tag("severity", severity.name())
                .register(meters);
    }

    /** A route a diagnosis wrote (or found already written), with the diagnosis. */
    public record Suggested(Route route, DomainEvent<?> cause) {}

    /**
     * Applies the participation remembered for the teachers of routes a poll of diagnoses wrote (reported before the
     * route existed, or while the route was being written: the participation consumer writes the card before it
     * looks for the route, this reads the card after writing the route, so one of the two always sees the other).
     * The cards are read with one query once the poll's routes are written; the teacher's latest route counts.
     */
    public Mono<Void> applyRemembered(Collection<Suggested> written) {
        Map<String, Suggested> byTeacher = new LinkedHashMap<>();
        written.forEach(s -> byTeacher.put(s.route().teacherId(), s));
        if (byTeacher.isEmpty()) {
            return Mono.empty();
        }
        // the cards alone first: only when one names an activity of an open step is the route read and written again
        return cards.cards(byTeacher.keySet())
                .filter(card -> {
                    Route route = byTeacher.get(card.teacherId()).route();
                    return remembered(route, card).route() != route;
                })
                .concatMap(card -> {
                    Suggested suggested = byTeacher.get(card.teacherId());
                    return mutate(
                            SYSTEM,
                            suggested.route().id(),
                            suggested.cause().correlationId(),
                            suggested.cause().id(),
                            route -> cards.card(route.teacherId())
                                    .map(fresh -> remembered(route, fresh))
                                    .defaultIfEmpty(RouteChange.none(route)));
                })
                .then();
    }

    private RouteChange remembered(Route route, TeacherCard card) {
        Instant now = clock.instant();
        RouteChange change = RouteChange.none(route);
        for (Participation p : card.attendedOrEmpty()) {
            change = change.then(r -> r.participated(p.activityId(), "ATTENDANCE", p.date(), now));
        }
        for (Participation p : card.completedCoursesOrEmpty()) {
            change = change.then(r -> r.participated(p.activityId(), "COURSE_COMPLETION", p.date(), now));
        }
        return change;
    }

    private static Measurement measurementOf(DomainEvent<DiagnosticCompleted> event) {
        DiagnosticCompleted result = event.data();
        List<Measurement.Level> levels = new ArrayList<>();
        for (CompetencyResult c : result.competencies() == null ? List.<CompetencyResult>of() : result.competencies()) {
            Double percent = null;
            if (c.score() != null && c.maxScore() != null && c.maxScore().signum() > 0) {
                percent = c.score()
                        .multiply(BigDecimal.valueOf(100))
                        .divide(c.maxScore(), 1, RoundingMode.HALF_UP)
                        .doubleValue();
            }
            levels.add(new Measurement.Level(c.competencyCode(), percent, c.level()));
        }
        LocalDate on =
                result.diagnosedOn() != null ? result.diagnosedOn() : LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        return new Measurement(result.resultId(), on, event.time(), List.copyOf(levels));
    }

    private static Learner learnerOf(
            DomainEvent<DiagnosticCompleted> event, Optional<TeacherCard> card, boolean mentored) {
        DiagnosticCompleted result = event.data();
        boolean facts = card.isPresent() && card.get().facts() != null;
        return new Learner(
                result.teacherId(),
                event.scope().regionId(),
                event.scope().municipalityId(),
                event.scope().organizationId() != null
                        ? event.scope().organizationId()
                        : card.map(TeacherCard::organizationId).orElse(null),
                result.position() != null
                        ? result.position()
                        : facts ? card.get().facts().position() : null,
                result.targetGroups() != null && !result.targetGroups().isEmpty()
                        ? result.targetGroups()
                        : facts ? card.get().facts().targetGroups() : null,
                card.map(TeacherCard::subjects).orElse(List.of()),
                facts ? card.get().facts().birthDate() : null,
                facts ? card.get().facts().pedagogicalStartDate() : null,
                mentored);
    }

    // ---- participation ---------------------------------------------------------------------------------------

    /** An attendance or course completion: the teacher's open route marks the steps on that activity done. */
    public Mono<Route> participated(
            DomainEvent<?> cause, String teacherId, String activityId, String by, LocalDate on) {
        Instant now = clock.instant();
        return latestRoute(teacherId)
                .filter(Route::open)
                .flatMap(route -> mutate(
                        SYSTEM,
                        route.id(),
                        cause.correlationId(),
                        cause.id(),
                        r -> Mono.just(r.participated(activityId, by, on, now))));
    }

    /**
     * An activity was cancelled: every open route with an open step on it gets the next best offer for that step's
     * deficit (of the same kind: course for a course, otherwise an event or internship; any activity else; self-study
     * when nothing is left), never an activity the route already uses.
     */
    public Flux<Route> activityCancelled(DomainEvent<?> cause, String activityId) {
        Instant now = clock.instant();
        return mongo.find(
                        SYSTEM,
                        query(where("open").is(true).and("steps.offerId").is(activityId)),
                        Route.class)
                .concatMap(found -> mutate(
                        SYSTEM,
                        found.id(),
                        cause.correlationId(),
                        cause.id(),
                        route -> replan(route, activityId, now)
                                .doOnNext(change -> change.events().stream()
                                        .filter(UnmetNeedRecorded.class::isInstance)
                                        .map(UnmetNeedRecorded.class::cast)
                                        .forEach(unmet ->
                                                unmetCounter(unmet.severity()).increment()))));
    }

    private Mono<RouteChange> replan(Route route, String activityId, Instant now) {
        List<Step> affected = route.steps().stream()
                .filter(s -> Step.OPEN.equals(s.status())
                        && activityId.equals(s.offerId())
                        && !"MENTOR".equals(s.offerKind()))
                .toList();
        if (affected.isEmpty()) {
            return Mono.just(RouteChange.none(route));
        }
        return Mono.zip(
                        cards.card(route.teacherId()).map(Optional::of).defaultIfEmpty(Optional.empty()),
                        offers.ofRegion(route.regionId()).collectList(),
                        offers.practicesOfRegion(route.regionId()).collectList())
                .map(loaded -> {
                    Optional<TeacherCard> card = loaded.getT1();
                    boolean facts = card.isPresent() && card.get().facts() != null;
                    Learner learner = new Learner(
                            route.teacherId(),
                            route.regionId(),
                            route.municipalityId(),
                            route.organizationId(),
                            facts ? card.get().facts().position() : null,
                            facts ? card.get().facts().targetGroups() : null,
                            card.map(TeacherCard::subjects).orElse(List.of()),
                            facts ? card.get().facts().birthDate() : null,
                            facts ? card.get().facts().pedagogicalStartDate() : null,
                            true);
                    Set<String> used = route.steps().stream()
                            .map(Step::offerId)
                            .filter(Objects::nonNull)
                            .collect(Collectors.toSet());
                    List<Offer> candidates = loaded.getT2().stream()
                            .filter(o -> !o.activityId().equals(activityId) && !used.contains(o.activityId()))
                            .toList();
                    RouteChange change = RouteChange.none(route);
                    for (Step step : affected) {
                        Suggestion options = suggester.suggest(
                                learner,
                                List.of(new Deficit(step.competencyCode(), step.severity())),
                                route.frameworkVersion(),
                                candidates,
                                loaded.getT3(),
                                List.of(),
                                false,
                                now);
                        boolean course = "COURSE".equals(step.offerKind());
                        PlannedStep replacement = options.steps().stream()
                                .filter(p -> course == "COURSE".equals(p.offerKind()) && p.offerId() != null)
                                .findFirst()
                                .or(() -> options.steps().stream()
                                        .filter(p -> p.offerId() != null)
                                        .findFirst())
                                .orElse(options.steps().get(0));
                        change = change.then(r -> r.replaceStep(step.stepId(), replacement, activityId, now));
                    }
                    return change;
                });
    }

    /** A mentoring pair started for the teacher: the open mentor step is done. */
    public Mono<Route> mentored(DomainEvent<?> cause, String menteeId, String mentorId, LocalDate on) {
        Instant now = clock.instant();
        return latestRoute(menteeId)
                .filter(Route::open)
                .flatMap(route -> mutate(
                        SYSTEM,
                        route.id(),
                        cause.correlationId(),
                        cause.id(),
                        r -> Mono.just(r.mentored(mentorId, on, now))));
    }

    /** The teacher left the system: their open route is cancelled (history kept). */
    public Mono<Route> departed(DomainEvent<?> cause, String teacherId) {
        Instant now = clock.instant();
        return latestRoute(teacherId)
                .filter(Route::open)
                .flatMap(route -> mutate(
                        SYSTEM,
                        route.id(),
                        cause.correlationId(),
                        cause.id(),
                        r -> Mono.just(
                                r.open() ? r.cancel("педагог выбыл из организации", now) : RouteChange.none(r))));
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    /** The teacher's route with the highest number (the open one if any), probing ids 1, 2, ... */
    public Mono<Route> latestRoute(String teacherId) {
        return probe(teacherId, 1, null);
    }

    private Mono<Route> probe(String teacherId, int number, Route found) {
        return mongo.findById(SYSTEM, Route.idOf(teacherId, number), Route.class)
                .flatMap(route -> probe(teacherId, number + 1, route))
                .switchIfEmpty(Mono.justOrEmpty(found));
    }

    public Mono<Route> byId(TenantScope scope, String id) {
        return mongo.findById(scope, id, Route.class);
    }

    public Flux<Route> find(TenantScope scope, RouteFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.teacherId() != null) {
            criteria = criteria.and("teacherId").is(filter.teacherId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.organizationId() != null) {
            criteria = criteria.and("organizationId").is(filter.organizationId());
        }
        if (filter.municipalityId() != null) {
            criteria = criteria.and("municipalityId").is(filter.municipalityId());
        }
        if (filter.stalled()) {
            LocalDate today = today();
            criteria = criteria.and("open")
                    .is(true)
                    .orOperator(where("nextDueDate").lt(today), where("dueDate").lt(today));
        }
        Query query = query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        return mongo.find(scope, query, Route.class);
    }

    /** Routes of a municipality (open ones when {@code openOnly}), for operators' aggregates. */
    public Flux<Route> ofMunicipality(TenantScope scope, String municipalityId, boolean openOnly) {
        Criteria criteria = where("municipalityId").is(municipalityId);
        if (openOnly) {
            criteria = criteria.and("open").is(true);
        }
        return mongo.find(scope, query(criteria), Route.class);
    }

    // ---- writes ----------------------------------------------------------------------------------------------

    /**
     * Reads the route in scope, computes the change, writes it if anything changed; retried when another write came
     * in between. Empty when the route is not in scope.
     */
    public Mono<Route> mutate(
            TenantScope scope,
            String id,
            String correlationId,
            String causationId,
            Function<Route, Mono<RouteChange>> change) {
        return Mono.defer(() -> mongo.findById(scope, id, Route.class)
                        .flatMap(route -> change.apply(route)
                                .flatMap(next -> write(scope, route, next, correlationId, causationId))))
                .retryWhen(Retry.max(ATTEMPTS).filter(ConcurrentChange.class::isInstance));
    }

    /**
     * Inserts the routes a poll holds ({@link NewRoutes}) in one write. A route refused because its id exists (another
     * writer opened the teacher's route of that number meanwhile: two instances on one partition during a rebalance)
     * has its diagnosis suggested again from the store, as without a poll.
     */
    public Mono<Void> insertHeld(NewRoutes held) {
        List<NewRoutes.Held> taken = held.take();
        if (taken.isEmpty()) {
            return Mono.empty();
        }
        return mongo.insertAll(SYSTEM, taken.stream().map(NewRoutes.Held::route).toList())
                .flatMap(refused -> {
                    List<NewRoutes.Held> again = new ArrayList<>();
                    for (int i = 0; i < taken.size(); i++) {
                        NewRoutes.Held route = taken.get(i);
                        if (refused.contains(i)) {
                            again.add(route);
                        } else {
                            relay.nudge(Route.COLLECTION, route.route().id());
                            suggested(route.cause(), route.route(), route.suggestion(), created);
                        }
                    }
                    return Flux.fromIterable(again)
                            .concatMap(route -> suggest(route.cause()))
                            .contextWrite(NewRoutes::without)
                            .then();
                });
    }

    private Mono<Route> insert(RouteChange change, String correlationId, String causationId) {
        Route withOutbox = withOutbox(change, correlationId, causationId);
        return mongo.insert(SYSTEM, withOutbox).doOnNext(saved -> relay.nudge(Route.COLLECTION, saved.id()));
    }

    /** The new route with the events of its opening in its outbox. */
    private Route withOutbox(RouteChange change, String correlationId, String causationId) {
        Route route = change.route();
        DomainEvent<?>[] events = events(route, change.events(), correlationId, causationId);
        return new Route(
                route.id(),
                route.regionId(),
                route.municipalityId(),
                route.organizationId(),
                route.teacherId(),
                route.number(),
                route.status(),
                route.open(),
                route.frameworkVersion(),
                route.openedByResultId(),
                route.appliedResultIds(),
                route.deficits(),
                route.steps(),
                route.measurements(),
                route.tutorId(),
                route.dueDate(),
                route.nextDueDate(),
                route.approvedBy(),
                route.approvedAt(),
                route.completedOn(),
                route.cancelReason(),
                route.createdAt(),
                route.updatedAt(),
                0,
                Outbox.with(List.of(), events));
    }

    /** One conditional document write: the new state and its events, only if nobody wrote since {@code before}. */
    private Mono<Route> write(
            TenantScope scope, Route before, RouteChange change, String correlationId, String causationId) {
        Route next = change.route();
        if (next == before) {
            return Mono.just(before);
        }
        Update update = new Update()
                .set("status", next.status())
                .set("open", next.open())
                .set("appliedResultIds", next.appliedResultIds())
                .set("deficits", next.deficits())
                .set("steps", next.steps())
                .set("measurements", next.measurements())
                .set("tutorId", next.tutorId())
                .set("dueDate", next.dueDate())
                .set("nextDueDate", next.nextDueDate())
                .set("approvedBy", next.approvedBy())
                .set("approvedAt", next.approvedAt())
                .set("completedOn", next.completedOn())
                .set("cancelReason", next.cancelReason())
                .set("updatedAt", next.updatedAt())
                .inc("version", 1);
        if (!change.events().isEmpty()) {
            Outbox.append(update, events(next, change.events(), correlationId, causationId));
        }
        return mongo.findAndModify(
                        scope,
                        before.tenantKey(),
                        query(where("_id").is(before.id()).and("version").is(before.version())),
                        update,
                        FindAndModifyOptions.options().returnNew(true),
                        Route.class)
                .switchIfEmpty(Mono.error(ConcurrentChange::new))
                .doOnNext(saved -> {
                    if (!change.events().isEmpty()) {
                        relay.nudge(Route.COLLECTION, saved.id());
                    }
                });
    }

    private static DomainEvent<?>[] events(
            Route route, List<EventPayload> payloads, String correlationId, String causationId) {
        EventScope scope = new EventScope(route.regionId(), route.municipalityId(), route.organizationId());
        return payloads.stream()
                .map(payload -> event(scope, payload, correlationId, causationId))
                .toArray(DomainEvent<?>[]::new);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static DomainEvent<?> event(EventScope scope, EventPayload payload, String correlationId, String causationId) {
        EventType type = TYPES.get(payload.getClass());
        return DomainEvent.create(SOURCE, type, scope, correlationId, causationId, payload);
    }

    /** The routes.v1 event type of each payload record. */
    private static final Map<Class<?>, EventType<?>> TYPES = EventCatalog.ofTopic(Topics.ROUTES).stream()
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, type -> type));
}
