package ru.msp.activities.participation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A participation fact as the API shows it, with what the request did to it (RECORDED, UPDATED, UNCHANGED). */
public record ParticipationView(
        String activityId,
        String teacherId,
        String kind,
        LocalDate date,
        Boolean attended,
        BigDecimal hours,
        Boolean remote,
        String outcome,
        String stageLevel,
        ParticipationLedger.Outcome result) {

    static ParticipationView of(Participation p, ParticipationLedger.Outcome result) {
        return new ParticipationView(
                p.activityId(),
                p.teacherId(),
                p.kind(),
                p.date(),
                p.attended(),
                p.hours(),
                p.remote(),
                p.outcome(),
                p.stageLevel(),
                result);
    }
}
