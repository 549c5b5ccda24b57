package ru.msp.support.problem;

/** One field at fault in a rejected request or row, listed in the problem response's {@code errors}. */
public record FieldProblem(String field, String message, Object rejectedValue) {

    public static FieldProblem of(String field, String message) {
        return new FieldProblem(field, message, null);
    }
}
