package ru.msp.contracts;

import java.util.List;

/** The topics of the platform: one per owning service, keyed by the aggregate id so one aggregate stays in order. */
public final class Topics {

    public static final Topic TEACHER =
            new Topic("teacher.v1", "teacher", "teacher, organisation, community or mentorship id", 3);
    public static final Topic DIAGNOSTICS = new Topic("diagnostics.v1", "diagnostics", "teacher id", 3);
    public static final Topic ROUTES = new Topic("routes.v1", "routes", "teacher id", 3);
    public static final Topic ACTIVITIES = new Topic(
            "activities.v1",
            "activities",
            "activity id for activity facts, teacher id for a teacher's participation",
            3);
    public static final Topic INDICATORS =
            new Topic("indicators.v1", "indicators", "scope id (municipality, region or organisation)", 3);

    public static final List<Topic> ALL = List.of(TEACHER, DIAGNOSTICS, ROUTES, ACTIVITIES, INDICATORS);

    private Topics() {}
}
