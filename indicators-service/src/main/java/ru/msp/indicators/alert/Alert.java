package ru.msp.indicators.alert;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * An alert of a municipality: one document per kind, subject and school year, open while the condition holds. Raising
 * it (again) and its {@code AlertRaised} event are one write.
 *
 * @param id {@code kind|municipalityId|subjectId|period}
 * @param kind BELOW_TARGET, TARGET_GROUP_NOT_DIAGNOSED, ROUTES_STALLED or NO_MENTORING_PAIRS
 * @param subjectId the indicator code, target group, route id or organisation id
 */
@Document(Alert.COLLECTION)
@TenantFields(teacher = "")
public record Alert(
        @Id String id,
        String alertId,
        String regionId,
        String municipalityId,
        String organizationId,
        String kind,
        String subjectId,
        String period,
        String detail,
        boolean open,
        Instant raisedAt,
        Instant resolvedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "indicator_alerts";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }
}
