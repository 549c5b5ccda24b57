package ru.msp.support.idempotency;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.ProblemResponses;

/**
 * Writes an RFC 9457 problem from a web filter (outside the controllers, where {@link ProblemResponses} does not
 * reach), with the application's own message writers, so the JSON is the same as every other problem response.
 */
final class ProblemWriter {

    private final ServerResponse.Context context;

    ProblemWriter(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException unusualPath) {
            // the instance is optional
        }
        if (!errors.isEmpty()) {
            problem.setProperty(ProblemResponses.ERRORS, errors);
        }
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }
}
