package ru.msp.teacher.organization;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * An educational organisation (school, kindergarten, college, centre) of a municipality.
 *
 * @param id {@code org-<uuid>}
 * @param organizationId the same as {@code id}: the tenant field scoped reads filter on
 * @param externalId the school system's own id for it, unique within the municipality; may be null
 */
@Document(Organization.COLLECTION)
@TenantFields(teacher = "")
public record Organization(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String name,
        String shortName,
        String type,
        Set<String> flags,
        String externalId,
        Instant registeredAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "organizations";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }
}
