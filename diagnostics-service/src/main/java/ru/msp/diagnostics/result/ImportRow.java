package ru.msp.diagnostics.result;

import java.util.List;
import ru.msp.support.problem.FieldProblem;

/**
 * One data row of an import file: the result it asks for, or why it could not even be read (then
 * {@code request} holds what could be read, or is null).
 *
 * @param line 1-based line in the file
 */
record ImportRow(int line, ResultRequest request, List<FieldProblem> unreadable) {

    static ImportRow of(int line, ResultRequest request) {
        return new ImportRow(line, request, List.of());
    }

    /** @param partial what could be read (ids for the report), or null */
    static ImportRow unreadable(int line, ResultRequest partial, List<FieldProblem> problems) {
        return new ImportRow(line, partial, problems);
    }
}
