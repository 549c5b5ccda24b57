package ru.msp.teacher.region;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;

/**
 * A constituent entity of the Russian Federation served by the platform.
 *
 * @param id the region's OKATO-style two-digit code prefixed {@code reg-}, e.g. {@code reg-66}: stable, readable
 * @param code the two-digit subject code, e.g. {@code 66} for Sverdlovsk region
 */
@Document(Region.COLLECTION)
public record Region(@Id String id, String code, String name, Instant registeredAt, List<PendingEvent> outbox) {

    public static final String COLLECTION = "regions";

    public static String idFor(String code) {
        return "reg-" + code;
    }
}
