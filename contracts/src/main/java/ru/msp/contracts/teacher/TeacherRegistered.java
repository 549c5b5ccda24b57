package ru.msp.contracts.teacher;

import ru.msp.contracts.EventPayload;

/** A teacher or manager entered the registry. */
public record TeacherRegistered(String teacherId, TeacherFacts facts) implements EventPayload {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
