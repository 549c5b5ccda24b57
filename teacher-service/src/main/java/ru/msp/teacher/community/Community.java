package ru.msp.teacher.community;

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
 * A community or methodical association (МО) with its members. A SCHOOL one belongs to an organisation, a MUNICIPAL
 * one to a municipality, a REGIONAL one to a region; a NETWORK one to a municipality or, without one, to the region.
 *
 * @param id {@code com-<uuid>}
 * @param kind METHODICAL_ASSOCIATION, PROFESSIONAL_COMMUNITY or PROBLEM_GROUP
 * @param members every membership ever, in joining order; a teacher who left and joined again has two
 * @param version incremented by every change of members: a change applies only to the version it was decided on
 */
@Document(Community.COLLECTION)
@TenantFields(teacher = "")
public record Community(
        @Id String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String level,
        String kind,
        String name,
        String subject,
        String leaderTeacherId,
        List<Member> members,
        long version,
        Instant createdAt,
        List<PendingEvent> outbox)
        implements TenantOwned {

    public static final String COLLECTION = "communities";

    /** One membership: from {@code joinedOn}, until {@code leftOn} inclusive (null while a member). */
    public record Member(String teacherId, LocalDate joinedOn, LocalDate leftOn) {

        boolean active() {
            return leftOn == null;
        }
    }

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, null);
    }

    /** The current membership of the teacher, if any. */
    Member activeMember(String teacherId) {
        return members == null
                ? null
                : members.stream()
                        .filter(m -> m.teacherId().equals(teacherId) && m.active())
                        .findFirst()
                        .orElse(null);
    }
}
