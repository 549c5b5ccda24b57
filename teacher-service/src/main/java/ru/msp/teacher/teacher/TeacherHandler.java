package ru.msp.teacher.teacher;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code /api/teachers}: the teachers and managers of the organisations. */
@RestController
@RequestMapping("/api/teachers")
class TeacherHandler {

    static final String TOTAL_COUNT = "X-Total-Count";

    /** Ten thousand rows are about 1.5 MB; the gateway lets import bodies up to 10 MB through. */
    static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;

    private final TeacherRegistry registry;
    private final TeacherImport importer;

    TeacherHandler(TeacherRegistry registry, TeacherImport importer) {
        this.registry = registry;
        this.importer = importer;
    }

    /**
     * Bulk upsert keyed by (organisation, externalId): CSV with a header row (the default), or NDJSON when the
     * Content-Type is {@code application/x-ndjson}. Rows without an organisation column belong to
     * {@code ?organizationId=}, else to the school system's own organisation. Always 200 with every row's outcome,
     * unless the file itself cannot be read (400).
     */
    @PostMapping("/import")
    Mono<ImportReport> importFile(@RequestParam(required = false) String organizationId, ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        boolean ndjson = type != null
                && (type.getSubtype().equals("x-ndjson")
                        || type.getSubtype().equals("ndjson")
                        || type.getSubtype().equals("jsonl")
                        || type.getSubtype().equals("json"));
        return TenantScope.current()
                .flatMap(scope -> DataBufferUtils.join(request.getBody(), MAX_IMPORT_BYTES)
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .onErrorMap(
                                DataBufferLimitException.class,
                                e -> new RequestRejectedException(
                                        HttpStatus.PAYLOAD_TOO_LARGE,
                                        "An import file may have at most " + MAX_IMPORT_BYTES + " bytes.",
                                        List.of()))
                        .map(bytes -> {
                            String text = TeacherImportFile.decode(bytes);
                            return ndjson ? TeacherImportFile.ndjson(text) : TeacherImportFile.csv(text);
                        })
                        .flatMap(file -> importer.apply(scope, organizationId, file)));
    }

    /** Validated by the registry, so that field constraints and date rules come back in one problem. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TeacherView> register(@RequestBody TeacherRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.register(scope, registration))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    /**
     * One page as a JSON array, the number of all matches in {@code X-Total-Count}. {@code asOf} (yyyy-MM-dd, default
     * today) is the date the young-specialist filter and the derived values are computed for.
     */
    @GetMapping
    Mono<ResponseEntity<List<TeacherView>>> list(
            @RequestParam(required = false) String organizationId,
            @RequestParam(required = false) String municipalityId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "false") boolean includeDeparted,
            @RequestParam(required = false) String position,
            @RequestParam(required = false) String targetGroup,
            @RequestParam(required = false) Boolean youngSpecialist,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LocalDate date = asOf == null || asOf.isBlank() ? null : parseDate("asOf", asOf);
        TeacherSearch search = new TeacherSearch(
                organizationId,
                municipalityId,
                q,
                status,
                includeDeparted,
                position,
                targetGroup,
                youngSpecialist,
                date,
                page,
                size);
        LocalDate shownAsOf = date == null ? registry.today() : date;
        return TenantScope.current()
                .flatMap(scope -> registry.find(scope, search))
                .map(found -> ResponseEntity.ok()
                        .header(TOTAL_COUNT, Long.toString(found.total()))
                        .body(found.teachers().stream()
                                .map(teacher -> TeacherView.of(teacher, shownAsOf))
                                .toList()));
    }

    @GetMapping("/{id}")
    Mono<TeacherView> one(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.byId(scope, id))
                .map(teacher -> TeacherView.of(teacher, registry.today()))
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + id)));
    }

    /** Full update of names, externalId and facts; the organisation changes only by a transfer. */
    @PutMapping("/{id}")
    Mono<TeacherView> update(@PathVariable String id, @RequestBody TeacherRegistration registration) {
        return TenantScope.current()
                .flatMap(scope -> registry.update(scope, id, registration))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    /** Moves the teacher to another organisation, keeping the placements before. */
    @PostMapping("/{id}/transfer")
    Mono<TeacherView> transfer(@PathVariable String id, @RequestBody TeacherTransfer transfer) {
        return TenantScope.current()
                .flatMap(scope -> registry.transfer(scope, id, transfer))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    /** Soft departure: the teacher stays readable with status DEPARTED. */
    @DeleteMapping("/{id}")
    Mono<TeacherView> depart(@PathVariable String id) {
        return TenantScope.current()
                .flatMap(scope -> registry.depart(scope, id))
                .map(teacher -> TeacherView.of(teacher, registry.today()));
    }

    private static LocalDate parseDate(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestRejectedException.invalid(
                    List.of(new FieldProblem(field, "must be a date yyyy-MM-dd", value)));
        }
    }
}
