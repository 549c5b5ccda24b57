package ru.msp.activities.teacher;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A teacher as events-service knows them from {@code teacher.v1}: where they work, their position and target groups,
 * whether they left. No names or contacts (those stay in teacher-service). Each aspect carries the time of the event
 * that last set it, so an older event arriving late never overwrites a newer one.
 */
@Document(AudienceMember.COLLECTION)
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
        // how many times the teacher was written: the revision ScopedMongo.updateIfNewer kept when this model was
        // written with it, counted on so that stored documents keep one meaning
        Long rev)
        implements TenantOwned {

    public static final String COLLECTION = "audience";

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, id);
    }

    /** A teacher no event has been seen of yet. */
    static AudienceMember unseen(String teacherId) {
        return new AudienceMember(teacherId, null, null, null, null, null, false, null, null, null, null);
    }

    /** Placed where a registration, an update or a transfer says, unless a newer event placed them already. */
    AudienceMember placed(String region, String municipality, String organization, Instant at) {
        if (!newer(at, placeTime)) {
            return this;
        }
        return new AudienceMember(
                id,
                region,
                municipality,
                organization,
                position,
                targetGroups,
                departed,
                at,
                factsTime,
                departedTime,
                rev);
    }

    /** The position and target groups of a registration or an update, unless newer ones are known. */
    AudienceMember withFacts(String newPosition, Set<TargetGroup> groups, Instant at) {
        if (!newer(at, factsTime)) {
            return this;
        }
        return new AudienceMember(
                id,
                regionId,
                municipalityId,
                organizationId,
                newPosition,
                groups == null ? Set.of() : Set.copyOf(groups),
                departed,
                placeTime,
                at,
                departedTime,
                rev);
    }

    /** Departed: final, since teacher-service never brings a departed teacher back. */
    AudienceMember departedAt(Instant at) {
        if (!newer(at, departedTime)) {
            return this;
        }
        return new AudienceMember(
                id,
                regionId,
                municipalityId,
                organizationId,
                position,
                targetGroups,
                true,
                placeTime,
                factsTime,
                at,
                rev);
    }

    /** The next revision, for a changed state about to be written. */
    AudienceMember revised() {
        return new AudienceMember(
                id,
                regionId,
                municipalityId,
                organizationId,
                position,
                targetGroups,
                departed,
                placeTime,
                factsTime,
                departedTime,
                rev == null ? 1 : rev + 1);
    }

    /** Strictly newer: an event at the stored time is the one already applied, or a replay of it. */
    private static boolean newer(Instant at, Instant stored) {
        return stored == null || stored.isBefore(at);
    }

    /** Known well enough to take part: placed in an organisation and not departed. */
    public boolean active() {
        return !departed && organizationId != null;
    }
}
