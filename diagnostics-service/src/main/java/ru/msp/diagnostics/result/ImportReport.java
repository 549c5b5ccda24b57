package ru.msp.diagnostics.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import ru.msp.support.problem.FieldProblem;

/**
 * The answer to an import: counts and one line per data row, in file order.
 *
 * @param rows data rows read (the CSV header is not counted)
 */
public record ImportReport(int rows, int accepted, int unchanged, int rejected, List<RowOutcome> results) {

    /**
     * @param row 1-based line of the file (the CSV header is line 1)
     * @param status the HTTP status the row would have had as a single POST
     * @param detail why a row was refused as a whole (scope, conflict); field reasons are in {@code errors}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY) // 10,000 rows: leave out the nulls and empty lists of good rows
    public record RowOutcome(
            int row,
            String teacherId,
            String campaignId,
            String sourceKind,
            ResultDecision.Outcome outcome,
            int status,
            String resultId,
            String detail,
            List<FieldProblem> errors) {}

    static ImportReport of(List<RowOutcome> outcomes) {
        int accepted = 0;
        int unchanged = 0;
        int rejected = 0;
        for (RowOutcome o : outcomes) {
            switch (o.outcome()) {
                case ACCEPTED -> accepted++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        return new ImportReport(outcomes.size(), accepted, unchanged, rejected, outcomes);
    }
}
