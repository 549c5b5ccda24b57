package ru.msp.indicators.snapshot;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.indicators.value.IndicatorValue;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/** A frozen copy of a scope's values for a school year (the yearly monitoring report); never changed afterwards. */
@Document(Snapshot.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Snapshot(
        @Id String id,
        String scope,
        String period,
        String regionId,
        String municipalityId,
        Instant frozenAt,
        String frozenBy,
        List<IndicatorValue> values,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "indicator_snapshots";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.municipality(regionId, municipalityId);
    }
}
