package ru.msp.contracts.teacher;

/** A teacher or manager entered the registry. */
public record TeacherRegistered(String teacherId, TeacherFacts facts) implements TeacherChange {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
