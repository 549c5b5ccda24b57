package ru.msp.activities.registration;

/**
 * A teacher's place at an activity.
 *
 * @param status REGISTERED, WAITLISTED or WITHDRAWN
 * @param waitlistPosition 1 for the next to get a seat; null unless waitlisted
 */
public record RegistrationView(String activityId, String teacherId, String status, Integer waitlistPosition) {}
