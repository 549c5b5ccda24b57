package ru.msp.diagnostics.progress;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.diagnostics.campaign.Campaign;
import ru.msp.diagnostics.campaign.CampaignRegistry;
import ru.msp.diagnostics.result.ResultRegistry;
import ru.msp.diagnostics.teacher.TeacherDirectory;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code GET /api/diagnostics/campaigns/{id}/progress}: the share of the target population diagnosed so far. */
@RestController
class ProgressHandler {

    private final CampaignRegistry campaigns;
    private final TeacherDirectory teachers;
    private final ResultRegistry results;

    ProgressHandler(CampaignRegistry campaigns, TeacherDirectory teachers, ResultRegistry results) {
        this.campaigns = campaigns;
        this.teachers = teachers;
        this.results = results;
    }

    /** Counted within the caller's scope: a school sees its own staff, a municipality its schools. */
    @GetMapping("/api/diagnostics/campaigns/{id}/progress")
    Mono<CampaignProgress> progress(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> campaigns
                        .visible(scope, id)
                        .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Campaign " + id)))
                        .flatMap(campaign -> Mono.zip(
                                        teachers.find(scope, area(campaign)).collectList(),
                                        results.diagnosedIn(scope, campaign.id()))
                                .map(found -> CampaignProgress.of(campaign, found.getT1(), found.getT2()))));
    }

    /** The campaign's area as a query; positions, groups and departures are checked in Java by the campaign. */
    private static Criteria area(Campaign campaign) {
        Criteria criteria = where("departed").is(false);
        if (campaign.regionId() != null) {
            criteria = criteria.and("regionId").is(campaign.regionId());
        }
        if (campaign.municipalityId() != null) {
            criteria = criteria.and("municipalityId").is(campaign.municipalityId());
        }
        if (campaign.organizationId() != null) {
            criteria = criteria.and("organizationId").is(campaign.organizationId());
        } else if (!campaign.target().organizationIds().isEmpty()) {
            criteria = criteria.and("organizationId").in(campaign.target().organizationIds());
        }
        return criteria;
    }
}
