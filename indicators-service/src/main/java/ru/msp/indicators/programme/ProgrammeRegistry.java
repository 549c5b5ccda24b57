package ru.msp.indicators.programme;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.indicators.catalogue.IndicatorCatalogue;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/** Municipal programmes: created from the preset a municipality registered with, edited by its operators. */
@Service
public class ProgrammeRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeRegistry.class);
    private static final TenantScope SYSTEM = TenantScope.system("indicators-service");

    private final ScopedMongo mongo;
    private final ProgrammePresets presets;
    private final ProgrammeRules rules;
    private final Clock clock;

    ProgrammeRegistry(ScopedMongo mongo, ProgrammePresets presets, IndicatorCatalogue catalogue, Clock clock) {
        this.mongo = mongo;
        this.presets = presets;
        this.rules = new ProgrammeRules(catalogue);
        this.clock = clock;
    }

    /**
     * The programme of a newly registered municipality: the preset's indicators and targets, or an empty programme.
     * Inserted only if absent, so a redelivered registration never overwrites the operator's edits.
     */
    Mono<Void> created(DomainEvent<MunicipalityRegistered> event) {
        MunicipalityRegistered registered = event.data();
        ProgrammePreset preset = registered.programPreset() == null
                ? null
                : presets.byId(registered.programPreset()).orElse(null);
        if (registered.programPreset() != null && preset == null) {
            log.warn(
                    "Municipality {} names unknown preset {}: empty programme",
                    registered.municipalityId(),
                    registered.programPreset());
        }
        LocalDate today = LocalDate.now(clock);
        ProgrammeUpdate asUpdate = new ProgrammeUpdate(
                registered.regionId(),
                preset != null ? preset.period().from() : null,
                preset != null ? preset.period().to() : null,
                List.of());
        Programme empty = rules.edited(null, registered.municipalityId(), registered.regionId(), asUpdate, today);
        Programme programme = new Programme(
                registered.municipalityId(),
                registered.regionId(),
                registered.municipalityId(),
                registered.name(),
                preset != null ? preset.id() : null,
                empty.from(),
                empty.to(),
                preset != null ? preset.period().schoolYears() : empty.schoolYears(),
                preset != null ? rules.targetsOf(preset) : List.of(),
                event.time(),
                clock.instant(),
                "event:" + event.id());
        return mongo.insert(SYSTEM, programme)
                .then()
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty());
    }

    public Mono<Programme> byMunicipality(TenantScope scope, String municipalityId) {
        return mongo.findById(scope, municipalityId, Programme.class);
    }

    /** The programmes of the municipalities, by municipality id (one {@code _id $in} read). */
    public Mono<Map<String, Programme>> byMunicipalities(TenantScope scope, Collection<String> municipalityIds) {
        return mongo.findByIds(scope, municipalityIds, Programme.class).collectMap(Programme::id);
    }

    /** The programmes in scope, of one region if given. */
    public Flux<Programme> inRegion(TenantScope scope, String regionId) {
        Query query = regionId == null
                ? new Query()
                : Query.query(Criteria.where("regionId").is(regionId));
        return mongo.find(scope, query.with(Sort.by("_id")), Programme.class);
    }

    /** The municipality's operator, or a regional operator of its region (or an administrator), replaces it. */
    public Mono<Programme> edit(TenantScope scope, String municipalityId, ProgrammeUpdate update) {
        scope.require(Role.MUNICIPAL_OPERATOR, Role.REGIONAL_OPERATOR);
        return mongo.findById(SYSTEM, municipalityId, Programme.class)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(stored -> {
                    String regionId = stored.map(Programme::regionId).orElse(update.regionId());
                    if (regionId == null) {
                        // without a region the owner is unknown: only who may write anywhere in scope could ask
                        scope.checkWrite(TenantKey.municipality(scope.regionId(), municipalityId));
                        return Mono.error(RequestRejectedException.invalid(List.of(FieldProblem.of(
                                "regionId", "required: the municipality's registration has not been seen yet"))));
                    }
                    scope.checkWrite(TenantKey.municipality(regionId, municipalityId));
                    if (stored.isPresent()
                            && update.regionId() != null
                            && !update.regionId().equals(regionId)) {
                        return Mono.error(RequestRejectedException.invalid(List.of(new FieldProblem(
                                "regionId", "the municipality belongs to " + regionId, update.regionId()))));
                    }
                    List<FieldProblem> problems = rules.problems(update);
                    if (!problems.isEmpty()) {
                        return Mono.error(RequestRejectedException.invalid(problems));
                    }
                    Programme edited =
                            rules.edited(stored.orElse(null), municipalityId, regionId, update, LocalDate.now(clock));
                    Instant now = clock.instant();
                    return mongo.save(
                            scope,
                            new Programme(
                                    edited.id(),
                                    edited.regionId(),
                                    edited.municipalityId(),
                                    edited.municipalityName(),
                                    edited.presetId(),
                                    edited.from(),
                                    edited.to(),
                                    edited.schoolYears(),
                                    edited.targets(),
                                    edited.sourceEventTime(),
                                    now,
                                    scope.subject()));
                });
    }
}
