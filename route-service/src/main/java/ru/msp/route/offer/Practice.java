package ru.msp.route.offer;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;

/**
 * A practice of the bank of practices ({@code PracticeApproved}), suggested for self-study when a deficit finds no
 * activity.
 */
@Document(Practice.COLLECTION)
@TenantFields(teacher = "")
public record Practice(
        @Id String practiceId,
        @Indexed String regionId,
        String municipalityId,
        String organizationId,
        List<String> competencyCodes,
        String presentedLevel,
        String activityId,
        Instant sourceEventTime) {

    public static final String COLLECTION = "practices";
}
