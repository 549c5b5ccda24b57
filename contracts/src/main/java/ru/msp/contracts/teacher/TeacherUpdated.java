package ru.msp.contracts.teacher;

/** A teacher's facts changed; carries the full new facts so consumers need no history. */
public record TeacherUpdated(String teacherId, TeacherFacts facts) implements TeacherChange {
    @Override
    public String aggregateId() {
        return teacherId;
    }
}
