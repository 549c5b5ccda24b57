package ru.msp.activities.informing;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * That a teacher was informed about an activity (the "100% informed" indicator), one per (activity, teacher): the id
 * is unique, so informing twice records and announces nothing new.
 */
@Document(Informed.COLLECTION)
public record Informed(
        @Id String id,
        String activityId,
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        Instant informedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "informed";

    public static String idOf(String activityId, String teacherId) {
        return activityId + ":" + teacherId;
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }
}
