package ru.msp.support.tenancy;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.RequestRejectedException;

/**
 * What the caller may see and change, from the token: an ADMIN everything; a regional operator one region; a
 * municipal operator or methodist one municipality; a school system one organisation; a teacher themself. Kafka
 * consumers act as {@link #system(String)}: they apply facts already accepted by the owning service.
 *
 * @param clientId the OAuth2 client ({@code azp}) the token was issued to, e.g. a school system's integration
 */
public record TenantScope(
        String subject,
        String clientId,
        Set<Role> roles,
        String regionId,
        String municipalityId,
        String organizationId,
        String teacherId,
        boolean system) {

    public TenantScope {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The scope of the current request; errors with 401 if the request carries no authenticated token. */
    public static Mono<TenantScope> current() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(ctx -> ctx.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> fromJwt(((JwtAuthenticationToken) auth).getToken()))
                .switchIfEmpty(Mono.error(() ->
                        new RequestRejectedException(HttpStatus.UNAUTHORIZED, "Authentication required.", List.of())));
    }

    public static TenantScope fromJwt(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<String> claimed = jwt.getClaimAsStringList("roles");
        if (claimed != null) {
            for (String role : claimed) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException unknownRole) {
                    // a role of another system in a shared realm gives nothing here
                }
            }
        }
        return new TenantScope(
                jwt.getSubject(),
                jwt.getClaimAsString("azp"),
                roles,
                jwt.getClaimAsString("region"),
                jwt.getClaimAsString("municipality"),
                jwt.getClaimAsString("organization"),
                jwt.getClaimAsString("teacher"),
                false);
    }

    /** The scope of a service acting on its own (event consumers, start-up tasks): unrestricted. */
    public static TenantScope system(String service) {
        return new TenantScope(service, service, Set.of(), null, null, null, null, true);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses with 403 unless the caller has one of the roles (ADMIN and system always may). */
    public TenantScope require(Role... allowed) {
        if (system || has(Role.ADMIN) || hasAny(allowed)) {
            return this;
        }
        throw new RequestRejectedException(HttpStatus.FORBIDDEN, "Your role may not do this.", List.of());
    }

    /**
     * The filter that limits a read to this scope, over a collection whose tenant fields are {@code fields}. When the
     * collection has no field at the caller's level it is filtered at the next coarser level it has: a teacher reading
     * activities sees those of their municipality, a municipal operator reading regions sees their region.
     */
    public Criteria readCriteria(TenantFields fields) {
        if (system || has(Role.ADMIN)) {
            return new Criteria();
        }
        String[] fieldByLevel = {fields.region(), fields.municipality(), fields.organization(), fields.teacher()};
        String[] claimByLevel = {regionId, municipalityId, organizationId, teacherId};
        for (int level = narrowestLevel(); level >= 0; level--) {
            if (!fieldByLevel[level].isEmpty()) {
                return equal(fieldByLevel[level], claimByLevel[level]);
            }
        }
        return Criteria.where("_id").is(NOTHING);
    }

    /** 0 region, 1 municipality, 2 organisation, 3 teacher; -1 when no role of the platform is held. */
    private int narrowestLevel() {
        if (has(Role.REGIONAL_OPERATOR)) {
            return 0;
        }
        if (hasAny(Role.MUNICIPAL_OPERATOR, Role.METHODIST)) {
            return 1;
        }
        if (has(Role.SCHOOL_SYSTEM)) {
            return 2;
        }
        return has(Role.TEACHER) ? 3 : -1;
    }

    /** Whether this scope may change data that belongs to {@code key}. */
    public boolean mayWrite(TenantKey key) {
        if (system || has(Role.ADMIN)) {
            return true;
        }
        if (has(Role.REGIONAL_OPERATOR) && same(regionId, key.regionId())) {
            return true;
        }
        if (hasAny(Role.MUNICIPAL_OPERATOR, Role.METHODIST) && same(municipalityId, key.municipalityId())) {
            return true;
        }
        if (has(Role.SCHOOL_SYSTEM) && same(organizationId, key.organizationId())) {
            return true;
        }
        return has(Role.TEACHER) && same(teacherId, key.teacherId());
    }

    /** Refuses with 403 a write outside the scope. */
    public void checkWrite(TenantKey key) {
        if (!mayWrite(key)) {
            throw new RequestRejectedException(
                    HttpStatus.FORBIDDEN, "This data belongs to another organisation or territory.", List.of());
        }
    }

    private static final String NOTHING = "\u0000no-scope";

    private static Criteria equal(String field, String value) {
        if (field.isEmpty() || value == null) {
            return Criteria.where("_id").is(NOTHING); // the token lacks the claim its role needs: sees nothing
        }
        return Criteria.where(field).is(value);
    }

    private static boolean same(String claim, String owner) {
        return claim != null && Objects.equals(claim, owner);
    }
}
