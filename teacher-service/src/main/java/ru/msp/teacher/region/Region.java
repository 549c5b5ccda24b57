package ru.msp.teacher.region;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A constituent entity of the Russian Federation served by the platform.
 *
 * @param id the region's OKATO-style two-digit code prefixed {@code reg-}, e.g. {@code reg-66}: stable, readable
 * @param regionId the same as {@code id}: the tenant field every scoped read filters on
 * @param code the two-digit subject code, e.g. {@code 66} for Sverdlovsk region
 */
@Document(Region.COLLECTION)
@TenantFields(municipality = "", organization = "", teacher = "")
public record Region(
        @Id String id, String regionId, String code, String name, Instant registeredAt, List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "regions";

    public static String idFor(String code) {
        return "reg-" + code;
    }

    @Override
    public TenantKey tenantKey() {
        return TenantKey.region(regionId);
    }
}
