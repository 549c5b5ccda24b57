package ru.msp.activities.teacher;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;

/**
 * A teacher as events-service knows them from {@code teacher.v1}: where they work, their position and target groups,
 * whether they left. No names or contacts (those stay in teacher-service). Each aspect carries the time of the event
 * that last set it, so an older event arriving late never overwrites a newer one.
 */
@Document(AudienceMember.COLLECTION)
// ScopedMongo.updateIfNewer guards its writes by _id and revision; the embedded store needs the exact index for that
@CompoundIndex(name = "id_rev", def = "{'_id': 1, 'rev': 1}", unique = true)
@TenantFields(teacher = "_id")
public record AudienceMember(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String position,
        Set<TargetGroup> targetGroups,
        boolean departed,
        Instant placeTime,
        Instant factsTime,
        Instant departedTime,
        // ScopedMongo.REVISION, kept by updateIfNewer: declared so that Spring Data maps its guarded upsert without
        // failing (and throwing, at a cost) to resolve "rev" as a property on every write
        Long rev) {

    public static final String COLLECTION = "audience";

    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, id);
    }

    /** Known well enough to take part: placed in an organisation and not departed. */
    public boolean active() {
        return !departed && organizationId != null;
    }
}
