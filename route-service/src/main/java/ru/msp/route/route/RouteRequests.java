package ru.msp.route.route;

import java.time.LocalDate;
import java.util.Map;

/** Bodies of the route write endpoints. */
final class RouteRequests {

    private RouteRequests() {}

    /**
     * @param tutorId the tutor (a methodist or mentor teacher) who follows the route
     * @param dueDate the route's due date; default the latest step's
     * @param stepDueDates new due dates for some steps, by step id
     */
    record Approval(String tutorId, LocalDate dueDate, Map<String, LocalDate> stepDueDates) {}

    record Cancellation(String reason) {}

    /** @param status DONE (the only change by hand) */
    record StepUpdate(String status, String comment) {}
}
