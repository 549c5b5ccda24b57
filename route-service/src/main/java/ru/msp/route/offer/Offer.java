package ru.msp.route.offer;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.support.tenancy.TenantFields;

/**
 * What route suggestion may offer a teacher, kept locally from {@code activities.v1} so that suggesting a route needs
 * no call to another service.
 *
 * @param facts null while only a registration of the activity has arrived (events of one activity and of its
 *     participants travel on different keys, so a registration may overtake the publication)
 * @param sourceEventTime time of the event that produced the facts: an older event never overwrites a newer one
 * @param seatsLeft seats left after the latest registration change; null when no registration was seen yet
 * @param seatsTime time of the registration event {@code seatsLeft} came from, guarded like {@code sourceEventTime}
 */
@Document(Offer.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Offer(
        @Id String activityId,
        @Indexed String regionId,
        String municipalityId,
        ActivityFacts facts,
        boolean cancelled,
        Instant sourceEventTime,
        Integer seatsLeft,
        Instant seatsTime) {

    public static final String COLLECTION = "offers";

    /** Seats a teacher could still take: the latest registration count, else the capacity; null means unlimited. */
    public Integer freeSeats() {
        if (seatsLeft != null) {
            return seatsLeft;
        }
        return facts == null ? null : facts.capacity();
    }

    /** Published, not cancelled, with seats (or unlimited), starting after {@code now}. */
    public boolean openAt(Instant now) {
        Integer free = freeSeats();
        return facts != null
                && !cancelled
                && facts.startsAt() != null
                && facts.startsAt().isAfter(now)
                && (free == null || free > 0);
    }
}
