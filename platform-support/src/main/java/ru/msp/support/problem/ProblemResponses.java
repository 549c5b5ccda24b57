package ru.msp.support.problem;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every error of every service as RFC 9457 {@code application/problem+json}; validation failures list each field in
 * an {@code errors} array so a school system can fix its data without reading logs.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    public static final String ERRORS = "errors";

    @ExceptionHandler(RequestRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty(ERRORS, e.fieldProblems());
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    /**
     * A body that is not valid JSON for the request type: names the field at fault (e.g. {@code course.hours},
     * {@code subjects[2]}) when the parser knows it, so a school system sees which value to fix.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        JacksonException parse = causeOf(ex, JacksonException.class);
        if (parse == null) {
            return super.handleServerWebInputException(ex, headers, status, exchange);
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid.");
        String field = fieldPath(parse.getPath());
        problem.setProperty(
                ERRORS, List.of(new FieldProblem(field.isEmpty() ? "body" : field, shortMessage(parse), null)));
        return Mono.just(ResponseEntity.badRequest().headers(headers).body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        List<FieldProblem> errors = ex.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage(), f.getRejectedValue()))
                .toList();
        problem.setProperty(ERRORS, errors);
        return Mono.just(ResponseEntity.badRequest().headers(headers).body(problem));
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String shortMessage(JacksonException e) {
        String message = e.getOriginalMessage();
        // the parser's first sentence says what was wrong; the rest repeats source positions
        int end = message == null ? -1 : message.indexOf(": Failed");
        return message == null
                ? "invalid value"
                : end > 0
                        ? message.substring(0, end)
                        : message.lines().findFirst().orElse(message);
    }

    private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
