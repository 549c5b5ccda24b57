package ru.msp.route.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A targeted recommendation (адресная рекомендация), to a teacher from their diagnosis and route, or to a school
 * leader from the deficits of the school's staff. Ids are deterministic ({@code rec-<resultId>} for a teacher,
 * {@code rec-org-<organisation>-<period>-<subject>-<competency>} for a leader), so a redelivered diagnosis or a
 * repeated request issues nothing twice.
 *
 * @param addressee TEACHER or SCHOOL_LEADER
 * @param teacherId the teacher addressed; for a school leader the school's director when the registry names one
 * @param subject for a school leader: the staff group the share is about (a subject, or ALL_STAFF)
 * @param share for a school leader: the share of the group's diagnosed teachers with the deficit, 0-100
 * @param basis the diagnosis result id, or {@code threshold} / {@code requested-by:<subject>} for a school leader
 */
@Document(Recommendation.COLLECTION)
@TenantFields
public record Recommendation(
        @Id String id,
        String regionId,
        String municipalityId,
        @Indexed String organizationId,
        @Indexed String teacherId,
        String addressee,
        List<String> competencyCodes,
        String subject,
        Double share,
        Integer diagnosed,
        Integer withDeficit,
        String text,
        List<String> actions,
        String routeId,
        String basis,
        String period,
        LocalDate issuedOn,
        Instant createdAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "recommendations";
    public static final String TEACHER = "TEACHER";
    public static final String SCHOOL_LEADER = "SCHOOL_LEADER";

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, teacherId);
    }

    Recommendation withOutbox(List<PendingEvent> events) {
        return new Recommendation(
                id,
                regionId,
                municipalityId,
                organizationId,
                teacherId,
                addressee,
                competencyCodes,
                subject,
                share,
                diagnosed,
                withDeficit,
                text,
                actions,
                routeId,
                basis,
                period,
                issuedOn,
                createdAt,
                events);
    }
}
