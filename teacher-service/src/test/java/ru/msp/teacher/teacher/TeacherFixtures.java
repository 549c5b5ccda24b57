package ru.msp.teacher.teacher;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bodies of {@code POST /api/teachers} for tests. */
final class TeacherFixtures {

    private TeacherFixtures() {}

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A valid body: a young teacher (25, in the second year) with no category. */
    static Map<String, Object> body(String organizationId, String lastName) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("lastName", lastName);
        body.put("firstName", "Анна");
        body.put("middleName", "Петровна");
        body.put("position", "TEACHER");
        body.put("subjects", List.of("MATHEMATICS"));
        body.put("birthDate", today().minusYears(25).toString());
        body.put("pedagogicalStartDate", today().minusYears(1).toString());
        body.put("category", "NONE");
        body.put("targetGroups", List.of("YOUNG_TEACHER"));
        return body;
    }
}
