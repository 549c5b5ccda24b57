package ru.msp.teacher.teacher;

import java.time.LocalDate;

/**
 * One period a teacher worked in one organisation: the history a transfer keeps.
 *
 * @param to the last day there, the day before the transfer; null while current (a move on the first day leaves a
 *     placement with {@code to} the day before {@code from}: registered there, never worked there)
 */
public record Placement(String regionId, String municipalityId, String organizationId, LocalDate from, LocalDate to) {

    Placement endedBefore(LocalDate transferDate) {
        return new Placement(regionId, municipalityId, organizationId, from, transferDate.minusDays(1));
    }
}
