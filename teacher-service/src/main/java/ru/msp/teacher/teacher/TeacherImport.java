package ru.msp.teacher.teacher;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.teacher.organization.Organization;

/**
 * Applies an import file keyed by (organisation, externalId): a new key creates a teacher ({@code TeacherRegistered}),
 * a known key with other values updates it ({@code TeacherUpdated} when its facts changed), a known key with the same
 * values changes nothing. Every row is validated like {@code POST /api/teachers}; a bad row is reported and the others
 * are applied. For speed the existing teachers of each organisation are read in one query, new teachers are inserted in
 * batches and updates run with bounded concurrency; each teacher document carries its own event.
 */
@Service
public class TeacherImport {

    private static final Logger log = LoggerFactory.getLogger(TeacherImport.class);
    static final int WRITE_CONCURRENCY = 32;
    static final int INSERT_BATCH = 500;
    private static final Role[] WRITERS = {
        Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM
    };

    private final TeacherRegistry registry;
    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final Map<String, Counter> rowCounters = new HashMap<>();

    TeacherImport(TeacherRegistry registry, ScopedMongo mongo, OutboxRelay relay, MeterRegistry meters) {
        this.registry = registry;
        this.mongo = mongo;
        this.relay = relay;
        for (String outcome :
                List.of(ImportReport.ACCEPTED, ImportReport.UPDATED, ImportReport.UNCHANGED, ImportReport.REJECTED)) {
            rowCounters.put(
                    outcome,
                    Counter.builder("msp.teacher.import.rows")
                            .description("Rows of teacher imports by outcome")
                            .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    /** What is decided for one row before anything is written. */
    private record Plan(ImportRow row, Organization organization, Teacher existing, List<FieldProblem> problems) {}

    /**
     * Applies the rows. {@code defaultOrganizationId} (the query parameter, else a school system's own organisation)
     * is the organisation of rows without one.
     */
    public Mono<ImportReport> apply(TenantScope scope, String defaultOrganizationId, TeacherImportFile.Parsed file) {
        scope.require(WRITERS);
        String fallback = defaultOrganizationId != null && !defaultOrganizationId.isBlank()
                ? defaultOrganizationId.strip()
                : scope.has(Role.SCHOOL_SYSTEM) ? scope.organizationId() : null;
        long started = System.nanoTime();
        AtomicLong planned = new AtomicLong(started);
        List<ImportRow> rows = file.rows();
        Set<String> organizationIds = new LinkedHashSet<>();
        for (ImportRow row : rows) {
            String organizationId = organizationOf(row, fallback);
            if (organizationId != null) {
                organizationIds.add(organizationId);
            }
        }
        return Flux.fromIterable(organizationIds)
                .concatMap(id -> registry.organization(id).map(found -> Map.entry(id, found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(organizations ->
                        existing(scope, organizations).map(known -> plan(scope, rows, fallback, organizations, known)))
                .doOnNext(plans -> planned.set(System.nanoTime()))
                .flatMap(
                        plans -> CorrelationId.current().flatMap(correlationId -> execute(scope, plans, correlationId)))
                .map(outcomes -> {
                    ImportReport report = report(outcomes, file.ignoredColumns());
                    log.info(
                            "Teacher import: {} rows, {} accepted, {} updated, {} unchanged, {} rejected; planned in {}"
                                    + " ms, written in {} ms",
                            report.total(),
                            report.accepted(),
                            report.updated(),
                            report.unchanged(),
                            report.rejected(),
                            (planned.get() - started) / 1_000_000,
                            (System.nanoTime() - planned.get()) / 1_000_000);
                    nudge(report);
                    return report;
                });
    }

    private static String organizationOf(ImportRow row, String fallback) {
        String own = row.registration() == null ? null : row.registration().organizationId();
        return own != null && !own.isBlank() ? own.strip() : fallback;
    }

    /** The teachers with an externalId of every organisation the caller may change, by organisation and externalId. */
    private Mono<Map<String, Map<String, Teacher>>> existing(
            TenantScope scope, Map<String, Optional<Organization>> organizations) {
        return Flux.fromIterable(organizations.values())
                .filter(Optional::isPresent)
                .map(Optional::get)
                .filter(organization -> scope.mayWrite(keyOf(organization)))
                .concatMap(organization -> mongo.find(
                                scope,
                                Query.query(Criteria.where("organizationId")
                                        .is(organization.id())
                                        .and("externalId")
                                        .ne(null)),
                                Teacher.class)
                        .collectMap(Teacher::externalId, Function.identity())
                        .map(byExternalId -> Map.entry(organization.id(), byExternalId)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private List<Plan> plan(
            TenantScope scope,
            List<ImportRow> rows,
            String fallback,
            Map<String, Optional<Organization>> organizations,
            Map<String, Map<String, Teacher>> known) {
        LocalDate today = registry.today();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        List<Plan> plans = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            if (row.registration() == null) {
                plans.add(new Plan(row, null, null, problems));
                continue;
            }
            String organizationId = organizationOf(row, fallback);
            TeacherRegistration registration = withOrganization(row.registration(), organizationId);
            Set<String> flagged = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
            for (FieldProblem problem : registry.problems(registration, today)) {
                if (!flagged.contains(problem.field())) {
                    problems.add(problem);
                }
            }
            Organization organization = null;
            if (organizationId == null) {
                problems.removeIf(p -> p.field().equals("organizationId"));
                problems.add(
                        0,
                        FieldProblem.of(
                                "organizationId",
                                "is required: a column, ?organizationId= or a school system's token"));
            } else if (organizations
                    .getOrDefault(organizationId, Optional.empty())
                    .isEmpty()) {
                problems.add(0, new FieldProblem("organizationId", "no such organisation", organizationId));
            } else {
                organization = organizations.get(organizationId).get();
                if (!scope.mayWrite(keyOf(organization))) {
                    problems.add(
                            0,
                            new FieldProblem(
                                    "organizationId",
                                    "you may not change the teachers of this organisation",
                                    organizationId));
                    organization = null;
                }
            }
            String externalId = registration.externalId() == null
                    ? null
                    : registration.externalId().strip();
            if (externalId == null || externalId.isEmpty()) {
                problems.add(0, FieldProblem.of("externalId", "is required in an import"));
            } else if (organizationId != null) {
                Integer first = firstRowOfKey.putIfAbsent(organizationId + "/" + externalId, row.row());
                if (first != null) {
                    problems.add(
                            0,
                            new FieldProblem(
                                    "externalId", "appears again: row " + first + " of this file has it", externalId));
                }
            }
            Teacher existing = organization == null || externalId == null
                    ? null
                    : known.getOrDefault(organization.id(), Map.of()).get(externalId);
            plans.add(
                    new Plan(new ImportRow(row.row(), registration, row.problems()), organization, existing, problems));
        }
        return plans;
    }

    /**
     * Rejected rows are reported as planned; new teachers are inserted {@value #INSERT_BATCH} per write; known ones are
     * updated one by one (each a compare of details, and a write only when something changed).
     */
    private Mono<List<ImportReport.RowOutcome>> execute(TenantScope scope, List<Plan> plans, String correlationId) {
        List<ImportReport.RowOutcome> rejected = new ArrayList<>();
        List<Plan> creations = new ArrayList<>();
        List<Plan> updates = new ArrayList<>();
        for (Plan plan : plans) {
            if (!plan.problems().isEmpty()) {
                rejected.add(outcome(plan.row(), ImportReport.REJECTED, null, plan.problems()));
            } else if (plan.existing() == null) {
                creations.add(plan);
            } else {
                updates.add(plan);
            }
        }
        Flux<ImportReport.RowOutcome> created = Flux.fromIterable(creations)
                .buffer(INSERT_BATCH)
                .concatMap(batch -> create(scope, batch, correlationId));
        Flux<ImportReport.RowOutcome> updated = Flux.fromIterable(updates)
                .flatMap(plan -> update(scope, plan.row(), plan.existing(), correlationId), WRITE_CONCURRENCY);
        return Flux.concat(Flux.fromIterable(rejected), created, updated).collectList();
    }

    private Flux<ImportReport.RowOutcome> create(TenantScope scope, List<Plan> batch, String correlationId) {
        List<Teacher> teachers = batch.stream()
                .map(plan -> registry.newTeacher(plan.organization(), plan.row().registration(), correlationId))
                .toList();
        return mongo.insertAll(scope, teachers)
                .flatMapMany(duplicates -> Flux.range(0, batch.size())
                        .flatMap(
                                i -> duplicates.contains(i)
                                        ? createdMeanwhile(scope, batch.get(i), correlationId)
                                        : Mono.just(outcome(
                                                batch.get(i).row(),
                                                ImportReport.ACCEPTED,
                                                teachers.get(i).id(),
                                                List.of())),
                                WRITE_CONCURRENCY));
    }

    /** The key was registered by a concurrent import of the same file: this row is applied to that teacher. */
    private Mono<ImportReport.RowOutcome> createdMeanwhile(TenantScope scope, Plan plan, String correlationId) {
        ImportRow row = plan.row();
        return mongo.findOne(
                        scope,
                        Query.query(Criteria.where("externalKey")
                                .is(Teacher.externalKey(plan.organization().id(), row.externalId()))),
                        Teacher.class)
                .flatMap(found -> update(scope, row, found, correlationId))
                .defaultIfEmpty(outcome(
                        row,
                        ImportReport.REJECTED,
                        null,
                        List.of(FieldProblem.of("externalId", "was registered concurrently; post the file again"))));
    }

    private Mono<ImportReport.RowOutcome> update(
            TenantScope scope, ImportRow row, Teacher existing, String correlationId) {
        Teacher changed = TeacherRegistry.withDetails(existing, row.registration());
        if (changed.sameDetails(existing)) {
            return Mono.just(outcome(row, ImportReport.UNCHANGED, existing.id(), List.of()));
        }
        return registry.applyDetails(scope, existing, changed, correlationId, false)
                .map(saved -> outcome(row, ImportReport.UPDATED, saved.id(), List.of()))
                .defaultIfEmpty(outcome(
                        row,
                        ImportReport.REJECTED,
                        existing.id(),
                        List.of(FieldProblem.of("organizationId", "the teacher was transferred meanwhile"))));
    }

    private ImportReport report(List<ImportReport.RowOutcome> outcomes, List<String> ignoredColumns) {
        List<ImportReport.RowOutcome> rows = new ArrayList<>(outcomes);
        rows.sort(Comparator.comparingInt(ImportReport.RowOutcome::row));
        Map<String, Long> counts =
                rows.stream().collect(Collectors.groupingBy(ImportReport.RowOutcome::outcome, Collectors.counting()));
        counts.forEach((outcome, count) -> rowCounters.get(outcome).increment(count));
        int accepted = counts.getOrDefault(ImportReport.ACCEPTED, 0L).intValue();
        int updated = counts.getOrDefault(ImportReport.UPDATED, 0L).intValue();
        int unchanged = counts.getOrDefault(ImportReport.UNCHANGED, 0L).intValue();
        int rejected = counts.getOrDefault(ImportReport.REJECTED, 0L).intValue();
        return new ImportReport(rows.size(), accepted, updated, unchanged, rejected, ignoredColumns, rows);
    }

    /** Hands the written teachers to the outbox relay, which loads and publishes them in batches. */
    private void nudge(ImportReport report) {
        report.rows().stream()
                .filter(row -> row.outcome().equals(ImportReport.ACCEPTED)
                        || row.outcome().equals(ImportReport.UPDATED))
                .forEach(row -> relay.nudge(Teacher.COLLECTION, row.teacherId()));
    }

    private static ImportReport.RowOutcome outcome(
            ImportRow row, String outcome, String teacherId, List<FieldProblem> errors) {
        return new ImportReport.RowOutcome(row.row(), row.externalId(), outcome, teacherId, errors);
    }

    private static TenantKey keyOf(Organization organization) {
        return TenantKey.organization(organization.regionId(), organization.municipalityId(), organization.id());
    }

    private static TeacherRegistration withOrganization(TeacherRegistration r, String organizationId) {
        return new TeacherRegistration(
                organizationId,
                r.externalId(),
                r.lastName(),
                r.firstName(),
                r.middleName(),
                r.position(),
                r.subjects(),
                r.birthDate(),
                r.pedagogicalStartDate(),
                r.category(),
                r.categoryDate(),
                r.targetGroups(),
                r.methodicalAsset(),
                r.expertKinds(),
                r.registryExpert());
    }
}
