package ru.msp.teacher.community;

import java.time.Instant;
import java.util.List;

/** A community as the API shows it; {@code activeMembers} counts the current members. */
public record CommunityView(
        String id,
        String regionId,
        String municipalityId,
        String organizationId,
        String level,
        String kind,
        String name,
        String subject,
        String leaderTeacherId,
        int activeMembers,
        List<Community.Member> members,
        Instant createdAt) {

    static CommunityView of(Community c) {
        List<Community.Member> members = c.members() == null ? List.of() : c.members();
        return new CommunityView(
                c.id(),
                c.regionId(),
                c.municipalityId(),
                c.organizationId(),
                c.level(),
                c.kind(),
                c.name(),
                c.subject(),
                c.leaderTeacherId(),
                (int) members.stream().filter(Community.Member::active).count(),
                members,
                c.createdAt());
    }
}
