package ru.msp.teacher.teacher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A teacher or manager of an organisation. The names stay in this service and never go into events.
 *
 * @param id {@code tch-<uuid>}
 * @param teacherId the same as {@code id}: the tenant field scoped reads filter on, so a TEACHER token reads itself
 * @param externalId the school system's own id, unique within the organisation; may be null
 * @param searchName the full name lower-cased with ё as е, for prefix search and sorting
 * @param externalKey {@code <organizationId>/<externalId>} when there is an externalId, absent otherwise: the one field a
 *     sparse unique index can hold, so that two concurrent imports cannot both create the same (organisation,
 *     externalId) (a compound unique index would also collide on teachers without an externalId)
 * @param status ACTIVE or DEPARTED
 * @param placements the organisations worked in, oldest first, the current one last (to = null); null on documents
 *     from before transfers existed
 */
@Document(Teacher.COLLECTION)
// staff lists and imports read the teachers of a school or a municipality
@CompoundIndex(name = "organizationId", def = "{'organizationId': 1}")
@CompoundIndex(name = "municipalityId", def = "{'municipalityId': 1}")
@TenantFields
public record Teacher(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String teacherId,
        String externalId,

        @Indexed(unique = true, sparse = true, name = "externalKey")
        String externalKey,

        String lastName,
        String firstName,
        String middleName,
        String searchName,
        String position,
        List<String> subjects,
        LocalDate birthDate,
        LocalDate pedagogicalStartDate,
        String category,
        LocalDate categoryDate,
        Set<TargetGroup> targetGroups,
        boolean methodicalAsset,
        Set<String> expertKinds,
        boolean registryExpert,
        String status,
        LocalDate departedOn,
        Instant registeredAt,
        List<Placement> placements,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "teachers";
    public static final String ACTIVE = "ACTIVE";
    public static final String DEPARTED = "DEPARTED";
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The same teacher carrying these unpublished events. */
    Teacher withOutbox(List<PendingEvent> events) {
        return new Teacher(
                id,
                regionId,
                municipalityId,
                organizationId,
                teacherId,
                externalId,
                externalKey,
                lastName,
                firstName,
                middleName,
                searchName,
                position,
                subjects,
                birthDate,
                pedagogicalStartDate,
                category,
                categoryDate,
                targetGroups,
                methodicalAsset,
                expertKinds,
                registryExpert,
                status,
                departedOn,
                registeredAt,
                placements,
                events);
    }

    /** The key of the unique index for an externalId in an organisation; null without an externalId. */
    public static String externalKey(String organizationId, String externalId) {
        return externalId == null ? null : organizationId + "/" + externalId;
    }

    /** Whether what a school system or operator maintains (names, externalId and facts) is the same. */
    boolean sameDetails(Teacher other) {
        return Objects.equals(externalId, other.externalId)
                && Objects.equals(lastName, other.lastName)
                && Objects.equals(firstName, other.firstName)
                && Objects.equals(middleName, other.middleName)
                && facts().equals(other.facts());
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    public TeacherCareer career() {
        return new TeacherCareer(birthDate, pedagogicalStartDate, category, categoryDate);
    }

    /** What consumers may know: no names, no contacts. */
    public TeacherFacts facts() {
        return new TeacherFacts(
                organizationId,
                position,
                subjects,
                birthDate,
                pedagogicalStartDate,
                category,
                categoryDate,
                targetGroups,
                methodicalAsset,
                expertKinds,
                registryExpert);
    }

    /** Lower case, ё as е, inner whitespace collapsed: the form {@code q} is compared in. */
    public static String normalise(String text) {
        return SPACES.matcher(text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е'))
                .replaceAll(" ");
    }
}
