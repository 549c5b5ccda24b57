package ru.msp.route.route;

/** The query of {@code GET /api/routes}; null fields do not filter. */
public record RouteFilter(
        String teacherId,
        String status,
        String organizationId,
        String municipalityId,
        boolean stalled,
        int page,
        int size) {}
