package ru.msp.diagnostics.result;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import ru.msp.diagnostics.framework.Competency;
import ru.msp.diagnostics.framework.FrameworkCatalog;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/diagnostics/results} and teacher profiles. */
@RestController
@RequestMapping("/api/diagnostics")
class ResultHandler {

    private final ResultRegistry registry;
    private final ImportParser parser;
    private final Set<String> competencyCodes = new TreeSet<>();

    ResultHandler(ResultRegistry registry, FrameworkCatalog frameworks, JsonMapper json) {
        this.registry = registry;
        this.parser = new ImportParser(json);
        // columns name codes of the current version; each row is then scored against its campaign's version
        frameworks.current().competencies().stream().map(Competency::code).forEach(competencyCodes::add);
    }

    /** 201 with the new result; 200 with the stored one when the same scores were filed before; 409 for others. */
    @PostMapping("/results")
    Mono<ResponseEntity<ResultView>> record(@RequestBody ResultRequest request) {
        return TenantScope.current()
                .flatMap(scope -> registry.record(scope, request))
                .map(decision -> switch (decision.outcome()) {
                    case ACCEPTED -> ResponseEntity.status(HttpStatus.CREATED).body(ResultView.of(decision.result()));
                    case UNCHANGED -> ResponseEntity.ok(ResultView.of(decision.result()));
                    case REJECTED -> throw decision.toException();
                });
    }

    /**
     * CSV ({@code text/csv}, wide: see {@link ImportParser}) or NDJSON ({@code application/x-ndjson}); the answer
     * lists every row with what became of it.
     */
    @PostMapping("/results/import")
    Mono<ImportReport> importResults(
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) String body) {
        return TenantScope.current()
                .flatMap(scope -> Mono.fromCallable(() -> parse(contentType, body))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(rows -> registry.importRows(scope, rows)));
    }

    @GetMapping("/results")
    Flux<ResultView> find(
            @RequestParam(required = false) String teacherId,
            @RequestParam(required = false) String campaignId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "200") int size) {
        return TenantScope.current()
                .flatMapMany(scope -> registry.find(scope, teacherId, campaignId, page, size))
                .map(ResultView::of);
    }

    /** 404 when the caller sees no result of the teacher (none exists, or the teacher is not theirs). */
    @GetMapping("/teachers/{teacherId}/profile")
    Mono<TeacherProfile> profile(@PathVariable String teacherId) {
        return TenantScope.current()
                .flatMap(scope -> registry.ofTeacher(scope, teacherId).collectList())
                .filter(results -> !results.isEmpty())
                .map(results -> TeacherProfile.of(teacherId, results))
                .switchIfEmpty(
                        Mono.error(() -> RequestRejectedException.notFound("Diagnoses of teacher " + teacherId)));
    }

    private java.util.List<ImportRow> parse(String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw RequestRejectedException.invalid(java.util.List.of(FieldProblem.of("file", "the body is empty")));
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")) {
            return parser.ndjson(body);
        }
        if (type.contains("csv") || type.startsWith(MediaType.TEXT_PLAIN_VALUE)) {
            return parser.csv(body, competencyCodes);
        }
        throw new RequestRejectedException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send text/csv (wide, one row per result) or application/x-ndjson (one result per line).",
                java.util.List.of());
    }
}
