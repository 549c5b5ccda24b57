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
import reactor.core.publisher.Mono;

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
}
