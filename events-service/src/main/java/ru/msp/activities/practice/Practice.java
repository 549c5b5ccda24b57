package ru.msp.activities.practice;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A pedagogical or managerial practice in the municipality's bank (seed 003: identify, generalise, spread practices
 * that proved effective). Visible across its municipality so others can learn from it; changed by its organisation
 * or the municipality's methodical service.
 *
 * @param status SUBMITTED or APPROVED
 * @param presentedLevel SCHOOL, MUNICIPAL, REGIONAL or FEDERAL: where it was presented
 * @param activityId the activity it was presented at, if any
 */
@Document(Practice.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Practice(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String title,
        List<String> authorTeacherIds,
        List<String> competencyCodes,
        String presentedLevel,
        String materialsUrl,
        String activityId,
        String status,
        Instant submittedAt,
        Instant approvedAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "practices";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }
}
