package ru.msp.contracts.diagnostics;

import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.EventPayload;

/** A diagnostic campaign opened: indicators count its target population as "to be diagnosed". */
public record CampaignOpened(
        String campaignId,
        String level,
        String period,
        LocalDate startsOn,
        LocalDate endsOn,
        List<String> competencyCodes,
        List<String> targetPositions)
        implements EventPayload {
    @Override
    public String aggregateId() {
        return campaignId;
    }
}
