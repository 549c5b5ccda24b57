package ru.msp.teacher.teacher;

import java.util.List;
import ru.msp.support.problem.FieldProblem;

/**
 * The answer to an import: counts and every row's outcome, in file order.
 *
 * @param accepted rows that created a teacher
 * @param ignoredColumns columns (or NDJSON properties) that were not understood
 */
public record ImportReport(
        int total,
        int accepted,
        int updated,
        int unchanged,
        int rejected,
        List<String> ignoredColumns,
        List<RowOutcome> rows) {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String UPDATED = "UPDATED";
    public static final String UNCHANGED = "UNCHANGED";
    public static final String REJECTED = "REJECTED";

    /**
     * @param outcome ACCEPTED (created), UPDATED, UNCHANGED or REJECTED
     * @param errors why a row was rejected; empty otherwise
     */
    public record RowOutcome(int row, String externalId, String outcome, String teacherId, List<FieldProblem> errors) {}
}
