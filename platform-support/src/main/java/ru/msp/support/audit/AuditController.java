package ru.msp.support.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/**
 * {@code GET /api/audit?municipalityId=&regionId=&from=&to=&page=&size=}: this service's audit log, newest first,
 * for ADMIN only (others 403, no token 401). {@code from} (inclusive) and {@code to} (exclusive) are ISO-8601
 * instants; {@code page} counts from 0; {@code size} is 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 * The gateway exposes each service's log as {@code /api/audit/<service>}.
 */
@RestController
public class AuditController {

    public static final String PATH = "/api/audit";
    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 50;

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** One page; {@code hasNext} tells whether an older page exists. */
    public record AuditPage(List<AuditRecord> items, int page, int size, boolean hasNext) {}

    @GetMapping(PATH)
    public Mono<AuditPage> read(
            @RequestParam(required = false) String municipalityId,
            @RequestParam(required = false) String regionId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return TenantScope.current().map(scope -> scope.require()).flatMap(admin -> {
            List<FieldProblem> problems = new ArrayList<>();
            Instant fromInstant = instant("from", from, problems);
            Instant toInstant = instant("to", to, problems);
            int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE, problems);
            int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(RequestRejectedException.invalid(problems));
            }
            return auditLog.find(
                            blankToNull(municipalityId),
                            blankToNull(regionId),
                            fromInstant,
                            toInstant,
                            (long) pageNumber * pageSize,
                            pageSize + 1)
                    .collectList()
                    .map(found -> new AuditPage(
                            found.size() > pageSize ? found.subList(0, pageSize) : found,
                            pageNumber,
                            pageSize,
                            found.size() > pageSize));
        });
    }

    private static Instant instant(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an ISO-8601 instant, e.g. 2026-09-01T00:00:00Z", value));
            return null;
        }
    }

    private static int number(String field, String value, int absent, int min, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(
                field,
                max == Integer.MAX_VALUE ? "must be " + min + " or more" : "must be " + min + ".." + max,
                value));
        return absent;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
