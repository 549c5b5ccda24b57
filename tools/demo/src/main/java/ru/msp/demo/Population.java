package ru.msp.demo;

import java.util.List;

/** What the registry stage placed: the plan's entities with the ids the platform gave them. */
final class Population {

    private Population() {}

    record Teacher(String id, String organizationId, DemoPlan.Teacher plan) {}

    record Organization(String id, DemoPlan.Organization plan, List<Teacher> staff) {}

    record Municipality(String regionId, String id, DemoPlan.Municipality plan, List<Organization> organizations) {

        List<Teacher> teachers() {
            return organizations.stream().flatMap(o -> o.staff().stream()).toList();
        }

        Organization methodicalCentre() {
            return organizations.stream()
                    .filter(o -> o.plan().type().equals("METHODICAL_CENTRE"))
                    .findFirst()
                    .orElseThrow();
        }
    }
}
