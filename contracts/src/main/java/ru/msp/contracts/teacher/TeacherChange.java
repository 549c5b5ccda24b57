package ru.msp.contracts.teacher;

import ru.msp.contracts.EventPayload;

/**
 * An event that changes what the registry holds of one teacher (registration, update, transfer, departure): what the
 * services' teacher read models are kept from. Mentoring pairs and memberships name teachers too, but are not one.
 */
public interface TeacherChange extends EventPayload {

    String teacherId();
}
