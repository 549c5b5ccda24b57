package ru.msp.indicators.fact;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A mentoring pair, merged from {@code MentorshipStarted} and {@code MentorshipEnded} in either order; its state is
 * copied into the mentor's, the mentee's and the organisation's facts.
 */
@Document(MentorshipFact.COLLECTION)
@TenantFields(teacher = "")
public record MentorshipFact(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String mentorId,
        String menteeId,
        String form,
        LocalDate startDate,
        LocalDate endDate)
        implements TenantOwned {

    public static final String COLLECTION = "mentorship_facts";

    @Override
    public TenantKey tenantKey() {
        return TenantKey.organization(regionId, municipalityId, organizationId);
    }

    public TeacherFact.Mentoring asRole(String role) {
        return new TeacherFact.Mentoring(id, role, startDate, endDate);
    }
}
