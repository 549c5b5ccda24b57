package ru.msp.route.offer;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.support.tenancy.TenantFields;

/**
 * What route suggestion may offer a teacher, kept locally from {@code activities.v1} so that suggesting a route needs
 * no call to another service.
 *
 * @param sourceEventTime time of the event that produced this state: an older event never overwrites a newer one
 */
@Document(Offer.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Offer(
        @Id String activityId,
        String regionId,
        String municipalityId,
        ActivityFacts facts,
        boolean cancelled,
        Instant sourceEventTime) {

    public static final String COLLECTION = "offers";
}
