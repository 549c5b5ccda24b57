package ru.msp.diagnostics.campaign;

import java.time.Instant;
import java.time.LocalDate;
import ru.msp.diagnostics.campaign.Campaign.InstrumentSpec;
import ru.msp.diagnostics.campaign.Campaign.TargetPopulation;

/** A campaign as the API shows it. */
public record CampaignView(
        String id,
        String level,
        String operatorName,
        String regionId,
        String municipalityId,
        String organizationId,
        String schoolYear,
        LocalDate startsOn,
        LocalDate endsOn,
        String frameworkVersion,
        InstrumentSpec instrument,
        TargetPopulation target,
        Instant createdAt) {

    static CampaignView of(Campaign c) {
        return new CampaignView(
                c.id(),
                c.level(),
                c.operatorName(),
                c.regionId(),
                c.municipalityId(),
                c.organizationId(),
                c.schoolYear(),
                c.startsOn(),
                c.endsOn(),
                c.frameworkVersion(),
                c.instrument(),
                c.target(),
                c.createdAt());
    }
}
