package ru.msp.teacher.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A director or deputy director of an organisation: the part of a teacher document the organisation shows as its
 * management team (read from the teachers collection, so the organisation feature needs no teacher classes).
 */
@Document("teachers")
public record ManagementMember(
        @Id String id, String position, String lastName, String firstName, String middleName, String status) {

    static final String DIRECTOR = "DIRECTOR";
    static final String DEPUTY_DIRECTOR = "DEPUTY_DIRECTOR";
}
