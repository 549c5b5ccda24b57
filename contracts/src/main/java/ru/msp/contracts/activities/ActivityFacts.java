package ru.msp.contracts.activities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/**
 * What route suggestion and indicators need to know of an activity.
 *
 * @param kind SEMINAR, WEBINAR, WORKSHOP, ROUND_TABLE, MASTER_CLASS, OPEN_LESSON, CONFERENCE, FORUM, METHODICAL_DAY,
 *     ASSOCIATION_MEETING, INTERNSHIP, COURSE, COMPETITION
 * @param level SCHOOL, MUNICIPAL, REGIONAL or FEDERAL
 * @param format IN_PERSON, REMOTE or MIXED
 * @param courseHours for courses: the programme's hours
 * @param federalRegistry for courses: the programme is in the federal registry (ФР ДПП)
 */
public record ActivityFacts(
        String kind,
        String level,
        String organizerId,
        List<String> competencyCodes,
        Set<TargetGroup> targetGroups,
        List<String> positions,
        String format,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        BigDecimal courseHours,
        boolean federalRegistry) {}
