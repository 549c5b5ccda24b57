package ru.msp.route.recommendation;

/**
 * Of the diagnosed teachers of one staff group of a school who were measured on a competency, how many have a
 * deficit in it.
 *
 * @param subject a subject the teachers teach, or {@value StaffStatistics#ALL_STAFF}
 * @param share withDeficit / diagnosed, in percent rounded to a whole number
 */
public record StaffDeficitShare(
        String subject, String competencyCode, int diagnosed, int withDeficit, int pronounced, int share) {}
