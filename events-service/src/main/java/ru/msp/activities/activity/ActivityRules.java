package ru.msp.activities.activity;

import java.util.ArrayList;
import java.util.List;
import ru.msp.support.problem.FieldProblem;

/** Rules an activity must satisfy beyond single-field validation. Plain code, tested without Spring. */
public final class ActivityRules {

    private ActivityRules() {}

    public static List<FieldProblem> check(ActivityDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.startsAt() != null
                && draft.endsAt() != null
                && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt", draft.endsAt()));
        }
        if (draft.kind() == ActivityKind.COURSE && draft.course() == null) {
            problems.add(FieldProblem.of("course", "a course needs hours, provider and the federal-registry flag"));
        }
        if (draft.kind() != ActivityKind.COURSE && draft.course() != null) {
            problems.add(FieldProblem.of("course", "only a COURSE carries course details"));
        }
        boolean competition = draft.kind() == ActivityKind.COMPETITION;
        boolean staged = draft.stages() != null && !draft.stages().isEmpty();
        if (competition && !staged) {
            problems.add(FieldProblem.of("stages", "a competition has at least one stage"));
        }
        if (!competition && staged) {
            problems.add(FieldProblem.of("stages", "only a COMPETITION has stages"));
        }
        boolean remote = "REMOTE".equals(draft.format());
        if (!remote && isBlank(draft.place())) {
            problems.add(FieldProblem.of("place", "an in-person or mixed activity needs a place"));
        }
        if (!"IN_PERSON".equals(draft.format()) && isBlank(draft.link())) {
            problems.add(FieldProblem.of("link", "a remote or mixed activity needs a link"));
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
