package ru.msp.teacher.mentorship;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A mentoring pair: a mentor teacher (or manager) and a mentee teacher, or for SCHOOL_SCHOOL (the mentoring system) a
 * mentor organisation and a mentee organisation. It belongs to the mentee's organisation; a TEACHER token reads the
 * mentorships where it is the mentee.
 *
 * @param id {@code mnt-<uuid>}
 * @param status ACTIVE or ENDED
 * @param outcome COMPLETED or TERMINATED once ended
 */
@Document(Mentorship.COLLECTION)
@TenantFields(teacher = "menteeId")
public record Mentorship(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String form,
        String mentorId,
        String menteeId,
        String mentorOrganizationId,
        String menteeOrganizationId,
        LocalDate startDate,
        LocalDate plannedEndDate,
        LocalDate endDate,
        String outcome,
        String status,
        List<Session> sessions,
        Instant createdAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "mentorships";
    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";
    public static final String SCHOOL_SCHOOL = "SCHOOL_SCHOOL";

    /** One meeting of the pair. */
    public record Session(LocalDate date, String topic, Integer durationMinutes, String format, String notes) {}

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }
}
