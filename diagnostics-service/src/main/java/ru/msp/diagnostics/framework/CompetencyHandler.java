package ru.msp.diagnostics.framework;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;

/** {@code /api/competencies}: the competency framework, whole or as one position sees it. */
@RestController
@RequestMapping("/api/competencies")
class CompetencyHandler {

    private final FrameworkCatalog catalog;

    CompetencyHandler(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    /** A blank parameter ({@code ?position=}) counts as absent: query strings are often built from empty values. */
    @GetMapping
    Mono<FrameworkView> framework(
            @RequestParam(required = false) String version, @RequestParam(required = false) String position) {
        return Mono.fromCallable(() -> view(blankToNull(version), blankToNull(position)));
    }

    private FrameworkView view(String version, String position) {
        CompetencyFramework framework = version == null
                ? catalog.current()
                : catalog.version(version)
                        .orElseThrow(
                                () -> RequestRejectedException.notFound("Competency framework version " + version));
        if (position != null && framework.position(position).isEmpty()) {
            List<String> known =
                    framework.positions().stream().map(Position::code).toList();
            throw RequestRejectedException.invalid(
                    List.of(new FieldProblem("position", "must be one of " + known, position)));
        }
        return FrameworkView.of(framework, framework == catalog.current(), position);
    }

    private static String blankToNull(String parameter) {
        return parameter == null || parameter.isBlank() ? null : parameter.strip();
    }
}
