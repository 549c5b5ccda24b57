package ru.msp.support.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One write attempt against a service's API, in collection {@value #COLLECTION}: who (token subject, roles, OAuth2
 * client), what (method, path without the query, response status), when, the correlation id and the caller's
 * tenant from the token. Requests without a valid token have a null subject and no roles or tenant.
 *
 * @param at when the request arrived
 * @param service {@code spring.application.name} of the service that served it
 * @param status the response status; null when the client went away before an answer was sent
 * @param durationMs from arrival to the end of the response
 */
@Document(AuditRecord.COLLECTION)
public record AuditRecord(
        @Id String id,
        Instant at,
        String service,
        String subject,
        List<String> roles,
        String clientId,
        String method,
        String path,
        Integer status,
        String correlationId,
        String regionId,
        String municipalityId,
        String organizationId,
        Long durationMs) {

    public static final String COLLECTION = "audit_log";
}
