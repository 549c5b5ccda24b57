package ru.msp.diagnostics.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.diagnostics.CampaignOpened;
import ru.msp.diagnostics.framework.FrameworkCatalog;
import ru.msp.support.observability.CorrelationId;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/** Opens campaigns ({@code CampaignOpened} in the same document write) and finds the ones a caller may see. */
@Service
public class CampaignRegistry {

    private static final Logger log = LoggerFactory.getLogger(CampaignRegistry.class);
    public static final String SOURCE = "/msp/diagnostics-service";
    private static final TenantScope SYSTEM = TenantScope.system("diagnostics-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final FrameworkCatalog frameworks;
    private final Clock clock = Clock.systemUTC();

    CampaignRegistry(ScopedMongo mongo, OutboxRelay relay, FrameworkCatalog frameworks) {
        this.mongo = mongo;
        this.relay = relay;
        this.frameworks = frameworks;
    }

    /**
     * Federal campaigns: administrators; regional: the region's operator; municipal: also the municipality's operator
     * or methodist; school: also the school's system. Anyone else, or a territory not the caller's, gets 403.
     */
    public Mono<Campaign> open(TenantScope scope, CampaignRequest request) {
        return Mono.defer(() -> {
                    scope.require(Role.REGIONAL_OPERATOR, Role.MUNICIPAL_OPERATOR, Role.METHODIST, Role.SCHOOL_SYSTEM);
                    Campaign campaign = CampaignRules.build(
                            request, scope, frameworks.current(), "cmp-" + UUID.randomUUID(), clock.instant());
                    scope.checkWrite(campaign.tenantKey());
                    return CorrelationId.current().flatMap(correlationId -> {
                        DomainEvent<CampaignOpened> event = DomainEvent.create(
                                SOURCE,
                                EventCatalog.CAMPAIGN_OPENED,
                                new EventScope(
                                        campaign.regionId(), campaign.municipalityId(), campaign.organizationId()),
                                correlationId,
                                correlationId,
                                new CampaignOpened(
                                        campaign.id(),
                                        campaign.level(),
                                        campaign.schoolYear(),
                                        campaign.startsOn(),
                                        campaign.endsOn(),
                                        campaign.competencyCodes(),
                                        campaign.target().positions()));
                        return mongo.insert(scope, campaign.withOutbox(Outbox.with(List.of(), event)));
                    });
                })
                .doOnSuccess(saved -> {
                    log.info("Campaign {} ({}) opened", saved.id(), saved.level());
                    relay.nudge(Campaign.COLLECTION, saved.id());
                });
    }

    /** The campaign if the caller may see it; empty otherwise (404 for handlers). */
    public Mono<Campaign> visible(TenantScope scope, String id) {
        return mongo.findById(SYSTEM, id, Campaign.class).filter(c -> c.visibleTo(scope));
    }

    /** Campaigns by id for a bulk import, whoever asks; the caller checks visibility. */
    public Flux<Campaign> byIds(Collection<String> ids) {
        return mongo.findByIds(SYSTEM, ids, Campaign.class);
    }

    /** The campaigns the caller may see, newest start first, optionally of one level and school year. */
    public Flux<Campaign> list(TenantScope scope, String level, String schoolYear) {
        Criteria criteria = new Criteria();
        if (level != null && !level.isBlank()) {
            if (!Campaign.LEVELS.contains(level)) {
                return Flux.error(RequestRejectedException.invalid(List.of(
                        new ru.msp.support.problem.FieldProblem("level", "must be one of " + Campaign.LEVELS, level))));
            }
            criteria = criteria.and("level").is(level);
        }
        if (schoolYear != null && !schoolYear.isBlank()) {
            criteria = criteria.and("schoolYear").is(schoolYear);
        }
        // region-scoped read plus the federal ones, which belong to no region
        Flux<Campaign> regional = mongo.find(scope, query(criteria), Campaign.class);
        Flux<Campaign> federal = (level == null || level.isBlank() || "FEDERAL".equals(level))
                ? mongo.find(SYSTEM, query(where("level").is("FEDERAL")), Campaign.class)
                : Flux.empty();
        String year = schoolYear == null || schoolYear.isBlank() ? null : schoolYear;
        return Flux.concat(regional, federal)
                .filter(c -> c.visibleTo(scope))
                .filter(c -> year == null || year.equals(c.schoolYear()))
                .distinct(Campaign::id)
                .sort(Comparator.comparing(Campaign::startsOn).reversed().thenComparing(Campaign::id));
    }
}
