package ru.msp.route.teacher;

import java.util.List;

/** A teacher with the MENTOR target group who is still working, and how many mentees they have now. */
public record MentorCandidate(
        String teacherId, String organizationId, String municipalityId, List<String> subjects, int activeMentees) {}
