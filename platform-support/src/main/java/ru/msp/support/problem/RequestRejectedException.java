package ru.msp.support.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Domain code's way to refuse a request with a problem response: status, a human-readable detail and the fields at
 * fault. Thrown before anything is written, so a refused request changes nothing.
 */
public class RequestRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> fieldProblems;

    public RequestRejectedException(HttpStatus status, String detail, List<FieldProblem> fieldProblems) {
        super(detail);
        this.status = status;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public static RequestRejectedException invalid(List<FieldProblem> problems) {
        return new RequestRejectedException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", problems);
    }

    public static RequestRejectedException notFound(String what) {
        return new RequestRejectedException(HttpStatus.NOT_FOUND, what + " was not found.", List.of());
    }

    public static RequestRejectedException conflict(String detail) {
        return new RequestRejectedException(HttpStatus.CONFLICT, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
