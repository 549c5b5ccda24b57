package ru.msp.diagnostics.teacher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * What this service knows of a teacher from {@code teacher.v1}: where they work, their position and target groups,
 * whether they left. Each part remembers the time of the event that set it, so an older event arriving late (a
 * replay, a retry) never overwrites a newer state, and a {@code TeacherUpdated} seen before its
 * {@code TeacherRegistered} is kept.
 *
 * @param teacherId the same as {@code id}: the tenant field a TEACHER token reads itself by
 * @param position {@code null} until a registration or update has been seen (a departure may come first)
 * @param factsAt time of the event the position and target groups come from
 * @param placeAt time of the event the region, municipality and organisation come from
 */
@Document(KnownTeacher.COLLECTION)
// campaign progress counts the target population of a municipality or school
@CompoundIndex(name = "municipalityId", def = "{'municipalityId': 1}")
@CompoundIndex(name = "organizationId", def = "{'organizationId': 1}")
@TenantFields
public record KnownTeacher(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String teacherId,
        String position,
        Set<TargetGroup> targetGroups,
        boolean departed,
        LocalDate departedOn,
        Instant factsAt,
        Instant placeAt)
        implements TenantOwned {

    public static final String COLLECTION = "known_teachers";

    public static KnownTeacher unseen(String teacherId) {
        return new KnownTeacher(teacherId, null, null, null, teacherId, null, Set.of(), false, null, null, null);
    }

    /** Whether a registration or an update has been seen: only then can the teacher be diagnosed. */
    public boolean known() {
        return position != null;
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    /** {@code TeacherRegistered} or {@code TeacherUpdated}: the full facts, placed where the event says. */
    public KnownTeacher withFacts(TeacherFacts facts, EventScope scope, Instant at) {
        KnownTeacher next = this;
        if (newer(at, factsAt)) {
            next = new KnownTeacher(
                    id,
                    regionId,
                    municipalityId,
                    organizationId,
                    teacherId,
                    facts.position(),
                    facts.targetGroups() == null ? Set.of() : new TreeSet<>(facts.targetGroups()),
                    departed,
                    departedOn,
                    at,
                    placeAt);
        }
        String organization = facts.organizationId() != null ? facts.organizationId() : scope.organizationId();
        return next.placedAt(scope.regionId(), scope.municipalityId(), organization, at);
    }

    /** {@code TeacherTransferred}: the new organisation and municipality; the region is the event's. */
    public KnownTeacher transferred(TeacherTransferred transfer, EventScope scope, Instant at) {
        String region = scope.regionId() != null ? scope.regionId() : regionId;
        return placedAt(region, transfer.toMunicipalityId(), transfer.toOrganizationId(), at);
    }

    /**
     * {@code TeacherDeparted}: final whatever order events come in, since teacher-service never brings a departed
     * teacher back.
     */
    public KnownTeacher departed(TeacherDeparted departure, EventScope scope, Instant at) {
        String organization = departure.organizationId() != null ? departure.organizationId() : scope.organizationId();
        // A departure only fills in a place nothing else has given and does not date it, so a registration or a
        // transfer still sets the place whichever arrives first.
        boolean unplaced = placeAt == null;
        return new KnownTeacher(
                id,
                unplaced ? scope.regionId() : regionId,
                unplaced ? scope.municipalityId() : municipalityId,
                unplaced ? organization : organizationId,
                teacherId,
                position,
                targetGroups,
                true,
                departure.effectiveDate(),
                factsAt,
                placeAt);
    }

    private KnownTeacher placedAt(String region, String municipality, String organization, Instant at) {
        if (!newer(at, placeAt)) {
            return this;
        }
        return new KnownTeacher(
                id,
                region,
                municipality,
                organization,
                teacherId,
                position,
                targetGroups,
                departed,
                departedOn,
                factsAt,
                at);
    }

    /** Ties go to the event applied later: events of one teacher share a partition, so that is the later one. */
    private static boolean newer(Instant at, Instant stored) {
        return stored == null || !at.isBefore(stored);
    }
}
