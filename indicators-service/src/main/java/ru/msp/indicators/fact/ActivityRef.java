package ru.msp.indicators.fact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;

/** What the indicators need of an activity (level, kind, competencies), from {@code activities.v1}; newest wins. */
@Document(ActivityRef.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record ActivityRef(
        @Id String id,
        String regionId,
        String municipalityId,
        String kind,
        String level,
        boolean federalRegistry,
        List<String> competencyCodes,
        Instant at) {

    public static final String COLLECTION = "activity_refs";

    public ActivityRef {
        competencyCodes = competencyCodes == null ? List.of() : List.copyOf(competencyCodes);
    }
}
