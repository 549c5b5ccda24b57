package ru.msp.support.audit;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who made an audited request, as the validated token says. */
record AuditCaller(
        String subject,
        List<String> roles,
        String clientId,
        String regionId,
        String municipalityId,
        String organizationId) {

    static final AuditCaller ANONYMOUS = new AuditCaller(null, List.of(), null, null, null, null);

    static AuditCaller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new AuditCaller(
                jwt.getSubject(),
                roles == null ? List.of() : List.copyOf(roles),
                jwt.getClaimAsString("azp"),
                jwt.getClaimAsString("region"),
                jwt.getClaimAsString("municipality"),
                jwt.getClaimAsString("organization"));
    }
}
