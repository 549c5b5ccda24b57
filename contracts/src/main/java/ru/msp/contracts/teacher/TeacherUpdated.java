package ru.msp.contracts.teacher;

import ru.msp.contracts.EventPayload;

/** A teacher's facts changed; carries the full new facts so consumers need no history. */
public record TeacherUpdated(String teacherId, TeacherFacts facts) implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
