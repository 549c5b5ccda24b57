package ru.msp.route.route;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ru.msp.contracts.CompetencyLevel;

/** The levels of one diagnosis of the route's teacher, kept to show the route's effect per competency. */
public record Measurement(String resultId, LocalDate diagnosedOn, Instant eventTime, List<Level> levels) {

    /**
     * @param percent the score as a share of the instrument's maximum, 0-100 (null without a maximum)
     */
    public record Level(String competencyCode, Double percent, CompetencyLevel level) {}
}
