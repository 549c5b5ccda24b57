package ru.msp.diagnostics.result;

import java.util.List;
import org.springframework.http.HttpStatus;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;

/**
 * What became of one submitted result.
 *
 * @param result the new result to store (ACCEPTED) or the one already stored (UNCHANGED); null otherwise
 */
public record ResultDecision(
        Outcome outcome, HttpStatus status, String detail, List<FieldProblem> problems, DiagnosticResult result) {

    public enum Outcome {
        /** New: stored with its {@code DiagnosticCompleted}. */
        ACCEPTED,
        /** The same scores were accepted before: nothing stored, no event. */
        UNCHANGED,
        /** Refused with its reasons; nothing stored. */
        REJECTED
    }

    static ResultDecision accepted(DiagnosticResult result) {
        return new ResultDecision(Outcome.ACCEPTED, HttpStatus.CREATED, null, List.of(), result);
    }

    static ResultDecision unchanged(DiagnosticResult existing) {
        return new ResultDecision(Outcome.UNCHANGED, HttpStatus.OK, null, List.of(), existing);
    }

    static ResultDecision invalid(List<FieldProblem> problems) {
        return new ResultDecision(
                Outcome.REJECTED, HttpStatus.BAD_REQUEST, "The result has invalid fields.", problems, null);
    }

    static ResultDecision invalid(String field, String message, Object value) {
        return invalid(List.of(new FieldProblem(field, message, value)));
    }

    static ResultDecision refused(HttpStatus status, String detail) {
        return new ResultDecision(Outcome.REJECTED, status, detail, List.of(), null);
    }

    /** The reason as a problem response, for the single POST. */
    public RequestRejectedException toException() {
        return new RequestRejectedException(status, detail, problems);
    }
}
