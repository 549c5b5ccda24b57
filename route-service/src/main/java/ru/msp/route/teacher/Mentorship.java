package ru.msp.route.teacher;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;

/**
 * A mentoring pair from {@code teacher.v1}: the mentor's current load is the number of pairs not ended. An end that
 * overtakes its start leaves {@code ended} true.
 */
@Document(Mentorship.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Mentorship(
        @Id String mentorshipId,
        String regionId,
        String municipalityId,
        @Indexed String mentorId,
        @Indexed String menteeId,
        String form,
        boolean ended) {

    public static final String COLLECTION = "mentorships";
}
