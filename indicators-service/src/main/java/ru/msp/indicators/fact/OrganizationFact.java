package ru.msp.indicators.fact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;

/**
 * What the indicators need of one educational organisation: type and flags (newest event wins), practices presented,
 * mentoring pairs, and which of its leaders completed a course in which school year (kept from the leaders' facts).
 *
 * @param trainedLeaders leader id → the school years in which that leader completed a course
 */
@Document(OrganizationFact.COLLECTION)
// the guarded write's query is exactly these fields: the embedded store then uses the index, not a scan
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
// the leftover sweep's query ({pending.0: {$exists: true}}): only facts with undrained deltas are in it
@CompoundIndex(name = "pending", def = "{'pending.0': 1}", sparse = true)
@CompoundIndex(name = "municipalityId", def = "{'municipalityId': 1}")
@CompoundIndex(name = "regionId", def = "{'regionId': 1}")
@TenantFields(teacher = "")
public record OrganizationFact(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        long version,
        String type,
        List<String> flags,
        Instant profileAt,
        Instant firstSeen,
        Map<String, LocalDate> practices,
        Map<String, TeacherFact.Mentoring> mentorships,
        Map<String, List<String>> trainedLeaders,
        List<DeltaBatch> pending)
        implements FactDocument<OrganizationFact> {

    public static final String COLLECTION = "organization_facts";
    public static final String GENERAL_SCHOOL = "GENERAL_SCHOOL";
    public static final String METHODICAL_CENTRE = "METHODICAL_CENTRE";

    public OrganizationFact {
        flags = flags == null ? List.of() : List.copyOf(new TreeSet<>(flags));
        practices = practices == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(practices));
        mentorships =
                mentorships == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(mentorships));
        TreeMap<String, List<String>> leaders = new TreeMap<>();
        if (trainedLeaders != null) {
            trainedLeaders.forEach((k, v) -> leaders.put(k, List.copyOf(new TreeSet<>(v))));
        }
        trainedLeaders = java.util.Collections.unmodifiableMap(leaders);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public static OrganizationFact empty(String organizationId) {
        return new OrganizationFact(
                organizationId, null, null, organizationId, 0, null, null, null, null, null, null, null, null);
    }

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }

    /** Known from an organisation event (type set), not only from facts about its teachers. */
    public boolean registered() {
        return type != null;
    }

    @Override
    public OrganizationFact withBookkeeping(long newVersion, List<DeltaBatch> newPending) {
        return new OrganizationFact(
                id,
                regionId,
                municipalityId,
                organizationId,
                newVersion,
                type,
                flags,
                profileAt,
                firstSeen,
                practices,
                mentorships,
                trainedLeaders,
                newPending);
    }

    OrganizationFact with(
            String region,
            String municipality,
            String newType,
            List<String> newFlags,
            Instant newProfileAt,
            Instant newFirstSeen,
            Map<String, LocalDate> newPractices,
            Map<String, TeacherFact.Mentoring> newMentorships,
            Map<String, List<String>> newTrainedLeaders) {
        return new OrganizationFact(
                id,
                region,
                municipality,
                organizationId,
                version,
                newType,
                newFlags,
                newProfileAt,
                newFirstSeen,
                newPractices,
                newMentorships,
                newTrainedLeaders,
                pending);
    }
}
