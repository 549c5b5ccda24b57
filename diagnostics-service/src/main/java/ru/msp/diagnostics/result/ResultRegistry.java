package ru.msp.diagnostics.result;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.diagnostics.campaign.Campaign;
import ru.msp.diagnostics.campaign.CampaignRegistry;
import ru.msp.diagnostics.framework.FrameworkCatalog;
import ru.msp.diagnostics.result.ImportReport.RowOutcome;
import ru.msp.diagnostics.teacher.KnownTeacher;
import ru.msp.diagnostics.teacher.TeacherDirectory;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Records diagnostic results: each accepted result and its {@code DiagnosticCompleted} are one insert (outbox in the
 * document); the document id is the idempotency key, so a repeat finds the stored result instead of adding one.
 */
@Service
public class ResultRegistry {

    private static final Logger log = LoggerFactory.getLogger(ResultRegistry.class);
    private static final TenantScope SYSTEM = TenantScope.system("diagnostics-service");
    /** Concurrent inserts of one import: enough to hide the store's latency, few enough not to swamp it. */
    static final int WRITE_CONCURRENCY = 32;
    /** Accepted rows of an import inserted per write. */
    static final int INSERT_BATCH = 250;
    /**
     * Writes of one import in flight: while the store inserts one batch, the next is encoded and sent (one at a time
     * left both waiting on each other).
     */
    static final int INSERTS_IN_FLIGHT = 3;

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final CampaignRegistry campaigns;
    private final TeacherDirectory teachers;
    private final ResultRules rules;
    private final ResultMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    ResultRegistry(
            ScopedMongo mongo,
            OutboxRelay relay,
            CampaignRegistry campaigns,
            TeacherDirectory teachers,
            FrameworkCatalog frameworks,
            ResultMetrics metrics) {
        this.mongo = mongo;
        this.relay = relay;
        this.campaigns = campaigns;
        this.teachers = teachers;
        this.rules = new ResultRules(frameworks::version);
        this.metrics = metrics;
    }

    /** One result: ACCEPTED (stored, event written), UNCHANGED (the same was stored before) or REJECTED. */
    public Mono<ResultDecision> record(TenantScope scope, ResultRequest request) {
        Mono<Optional<Campaign>> campaign = blank(request.campaignId())
                ? Mono.just(Optional.empty())
                : campaigns
                        .visible(scope, request.campaignId())
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty());
        Mono<Optional<KnownTeacher>> teacher = blank(request.teacherId())
                ? Mono.just(Optional.empty())
                : teachers.byId(request.teacherId()).map(Optional::of).defaultIfEmpty(Optional.empty());
        Mono<Optional<DiagnosticResult>> existing = existing(request);
        return CorrelationId.current()
                .flatMap(correlationId -> Mono.zip(campaign, teacher, existing).flatMap(found -> {
                    ResultDecision decision = rules.decide(
                            request,
                            scope,
                            found.getT1().orElse(null),
                            found.getT2().orElse(null),
                            found.getT3().orElse(null),
                            clock.instant());
                    return store(
                            scope,
                            request,
                            decision,
                            correlationId,
                            found.getT1().orElse(null),
                            found.getT2().orElse(null));
                }))
                .doOnNext(decision -> metrics.count(decision.outcome(), "single"));
    }

    /**
     * Many results: the teachers, campaigns and stored results they name are read in one query each, every row is
     * decided in memory, then the accepted ones are inserted {@value #INSERT_BATCH} per write. Rows are independent: a bad
     * row is reported and the rest applied.
     */
    public Mono<ImportReport> importRows(TenantScope scope, List<ImportRow> rows) {
        long started = System.nanoTime();
        long[] looked = new long[1];
        Set<String> teacherIds = new LinkedHashSet<>();
        Set<String> campaignIds = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            ResultRequest r = row.request();
            if (r != null) {
                if (!blank(r.teacherId())) {
                    teacherIds.add(r.teacherId());
                }
                if (!blank(r.campaignId())) {
                    campaignIds.add(r.campaignId());
                }
                if (!blank(r.teacherId()) && !blank(r.campaignId()) && !blank(r.sourceKind())) {
                    keys.add(DiagnosticResult.keyOf(r.campaignId(), r.teacherId(), r.sourceKind()));
                }
            }
        }
        Mono<Map<String, KnownTeacher>> teacherMap = teacherIds.isEmpty()
                ? Mono.just(Map.of())
                : teachers.byIds(teacherIds).collectMap(KnownTeacher::id);
        Mono<Map<String, Campaign>> campaignMap = campaignIds.isEmpty()
                ? Mono.just(Map.of())
                : campaigns.byIds(campaignIds).filter(c -> c.visibleTo(scope)).collectMap(Campaign::id);
        Mono<Map<String, DiagnosticResult>> existingMap = keys.isEmpty()
                ? Mono.just(Map.of())
                : mongo.findByIds(SYSTEM, keys, DiagnosticResult.class).collectMap(DiagnosticResult::id);
        return Mono.zip(teacherMap, campaignMap, existingMap, CorrelationId.current())
                .flatMap(found -> {
                    looked[0] = System.nanoTime();
                    Map<String, DiagnosticResult> known = new HashMap<>(found.getT3());
                    List<RowOutcome> outcomes = new ArrayList<>();
                    List<Accepted> accepted = new ArrayList<>();
                    for (ImportRow row : rows) {
                        if (!row.unreadable().isEmpty()) {
                            outcomes.add(outcome(
                                    row,
                                    new ResultDecision(
                                            ResultDecision.Outcome.REJECTED,
                                            org.springframework.http.HttpStatus.BAD_REQUEST,
                                            "The row is not readable.",
                                            row.unreadable(),
                                            null)));
                            continue;
                        }
                        ResultRequest r = row.request();
                        Campaign campaign =
                                blank(r.campaignId()) ? null : found.getT2().get(r.campaignId());
                        KnownTeacher teacher =
                                blank(r.teacherId()) ? null : found.getT1().get(r.teacherId());
                        String key = DiagnosticResult.keyOf(r.campaignId(), r.teacherId(), r.sourceKind());
                        ResultDecision decision =
                                rules.decide(r, scope, campaign, teacher, known.get(key), clock.instant());
                        outcomes.add(outcome(row, decision));
                        if (decision.outcome() == ResultDecision.Outcome.ACCEPTED) {
                            // a later row with the same key in this file is compared with this one
                            known.put(key, decision.result());
                            accepted.add(new Accepted(outcomes.size() - 1, row, decision, campaign, teacher));
                        }
                    }
                    return Flux.fromIterable(accepted)
                            .buffer(INSERT_BATCH)
                            .flatMap(batch -> insert(scope, batch, found.getT4()), INSERTS_IN_FLIGHT)
                            .doOnNext(written -> outcomes.set(written.getKey(), written.getValue()))
                            .then(Mono.fromCallable(() -> ImportReport.of(outcomes)))
                            .doOnNext(report -> {
                                List<String> stored = report.results().stream()
                                        .filter(o -> o.outcome() == ResultDecision.Outcome.ACCEPTED)
                                        .map(RowOutcome::resultId)
                                        .toList();
                                if (!stored.isEmpty()) {
                                    publish(stored).subscribe();
                                }
                            });
                })
                .doOnNext(report -> {
                    report.results().forEach(o -> metrics.count(o.outcome(), "import"));
                    long done = System.nanoTime();
                    log.info(
                            "Import of {} rows: {} accepted, {} unchanged, {} rejected in {} ms ({} ms reading what"
                                    + " the rows name)",
                            report.rows(),
                            report.accepted(),
                            report.unchanged(),
                            report.rejected(),
                            (done - started) / 1_000_000,
                            (looked[0] - started) / 1_000_000);
                });
    }

    /** The results the caller may see of one teacher and/or campaign, oldest diagnosis first. */
    public Flux<DiagnosticResult> find(TenantScope scope, String teacherId, String campaignId, int page, int size) {
        if (blank(teacherId) && blank(campaignId)) {
            return Flux.error(RequestRejectedException.invalid(
                    List.of(FieldProblem.of("teacherId", "give teacherId or campaignId (or both)"))));
        }
        if (page < 0 || size < 1 || size > 1000) {
            return Flux.error(RequestRejectedException.invalid(
                    List.of(new FieldProblem("size", "page must be 0 or more, size 1 to 1000", size))));
        }
        Criteria criteria = new Criteria();
        if (!blank(teacherId)) {
            criteria = criteria.and("teacherId").is(teacherId);
        }
        if (!blank(campaignId)) {
            criteria = criteria.and("campaignId").is(campaignId);
        }
        Query query = query(criteria)
                .with(Sort.by("diagnosedOn", "recordedAt", "_id"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(scope, query, DiagnosticResult.class);
    }

    /** Every result of a teacher the caller may see, for the profile. */
    public Flux<DiagnosticResult> ofTeacher(TenantScope scope, String teacherId) {
        return mongo.find(scope, query(where("teacherId").is(teacherId)), DiagnosticResult.class);
    }

    /** Ids of the teachers with any result in the campaign that the caller may see. */
    public Mono<Set<String>> diagnosedIn(TenantScope scope, String campaignId) {
        Query query = query(where("campaignId").is(campaignId));
        query.fields().include("teacherId");
        return mongo.find(scope, query, DiagnosticResult.class)
                .map(DiagnosticResult::teacherId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private Mono<Optional<DiagnosticResult>> existing(ResultRequest request) {
        if (blank(request.campaignId()) || blank(request.teacherId()) || blank(request.sourceKind())) {
            return Mono.just(Optional.empty());
        }
        return mongo.findById(
                        SYSTEM,
                        DiagnosticResult.keyOf(request.campaignId(), request.teacherId(), request.sourceKind()),
                        DiagnosticResult.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** An accepted row of an import, waiting for its insert. */
    private record Accepted(
            int position, ImportRow row, ResultDecision decision, Campaign campaign, KnownTeacher teacher) {}

    /**
     * Inserts a batch of accepted rows with their events in one write; a row whose key was stored meanwhile (a
     * concurrent import of the same file) is decided again against what is stored. The outcomes by position.
     */
    private Flux<Map.Entry<Integer, RowOutcome>> insert(TenantScope scope, List<Accepted> batch, String correlationId) {
        List<DiagnosticResult> documents = batch.stream()
                .map(a -> withEvent(a.decision().result(), correlationId))
                .toList();
        return mongo.insertAll(scope, documents)
                .flatMapMany(duplicates -> Flux.range(0, batch.size())
                        .flatMap(
                                i -> {
                                    Accepted a = batch.get(i);
                                    Mono<ResultDecision> decided = duplicates.contains(i)
                                            ? decideAgain(
                                                    scope, a.row().request(), a.decision(), a.campaign(), a.teacher())
                                            : Mono.just(ResultDecision.accepted(documents.get(i)));
                                    return decided.map(d -> Map.entry(a.position(), outcome(a.row(), d)));
                                },
                                WRITE_CONCURRENCY));
    }

    private DiagnosticResult withEvent(DiagnosticResult result, String correlationId) {
        DomainEvent<DiagnosticCompleted> event = DomainEvent.create(
                CampaignRegistry.SOURCE,
                EventCatalog.DIAGNOSTIC_COMPLETED,
                new EventScope(result.regionId(), result.municipalityId(), result.organizationId()),
                correlationId,
                correlationId,
                completed(result));
        return result.withOutbox(Outbox.with(List.of(), event));
    }

    private Mono<ResultDecision> decideAgain(
            TenantScope scope,
            ResultRequest request,
            ResultDecision decision,
            Campaign campaign,
            KnownTeacher teacher) {
        return mongo.findById(SYSTEM, decision.result().id(), DiagnosticResult.class)
                .map(stored -> rules.decide(request, scope, campaign, teacher, stored, clock.instant()));
    }

    /** Inserts an accepted result with its event; a concurrent insert of the same key is decided again against it. */
    private Mono<ResultDecision> store(
            TenantScope scope,
            ResultRequest request,
            ResultDecision decision,
            String correlationId,
            Campaign campaign,
            KnownTeacher teacher) {
        if (decision.outcome() != ResultDecision.Outcome.ACCEPTED) {
            return Mono.just(decision);
        }
        return mongo.insert(scope, withEvent(decision.result(), correlationId))
                .map(saved -> {
                    relay.nudge(DiagnosticResult.COLLECTION, saved.id());
                    return ResultDecision.accepted(saved);
                })
                .onErrorResume(
                        DuplicateKeyException.class, raced -> decideAgain(scope, request, decision, campaign, teacher));
    }

    /**
     * Hands an import's results to the outbox relay, which loads and publishes them in batches; whatever it misses
     * its periodic sweep sends.
     */
    private Mono<Void> publish(List<String> ids) {
        return Mono.fromRunnable(() -> ids.forEach(id -> relay.nudge(DiagnosticResult.COLLECTION, id)));
    }

    static DiagnosticCompleted completed(DiagnosticResult r) {
        return new DiagnosticCompleted(
                r.id(),
                r.teacherId(),
                r.campaignId(),
                r.campaignLevel(),
                r.sourceKind(),
                r.frameworkVersion(),
                r.diagnosedOn(),
                r.schoolYear(),
                r.position(),
                r.targetGroups(),
                r.competencies().stream()
                        .map(c -> new CompetencyResult(c.competencyCode(), c.score(), c.maxScore(), c.level()))
                        .toList(),
                r.deficits());
    }

    private static RowOutcome outcome(ImportRow row, ResultDecision decision) {
        ResultRequest r = row.request();
        return new RowOutcome(
                row.line(),
                r == null ? null : r.teacherId(),
                r == null ? null : r.campaignId(),
                r == null ? null : r.sourceKind(),
                decision.outcome(),
                decision.status().value(),
                decision.result() == null ? null : decision.result().id(),
                decision.detail(),
                decision.problems());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
