package ru.msp.teacher.municipality;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A municipality (city district, municipal district) of a region: the unit that runs a methodical-support programme.
 *
 * @param id {@code mun-<uuid>}
 * @param municipalityId the same as {@code id}: the tenant field scoped reads filter on
 * @param programPreset the seed programme it starts from, or null
 */
@Document(Municipality.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Municipality(
        @Id String id,
        String regionId,
        String municipalityId,
        String name,
        String programPreset,
        Instant registeredAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "municipalities";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.municipality(regionId, municipalityId);
    }
}
