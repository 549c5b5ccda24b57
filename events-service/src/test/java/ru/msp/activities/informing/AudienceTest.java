package ru.msp.activities.informing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityKind;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.contracts.TargetGroup;

public class AudienceTest {

    public static Activity activity(String level, Set<TargetGroup> groups, List<String> positions) {
        Instant start = Instant.parse("2026-03-02T06:00:00Z");
        return new Activity(
                "a-1",
                "reg-1",
                "mun-1",
                "org-1",
                "Семинар",
                ActivityKind.SEMINAR,
                level,
                List.of(),
                groups,
                positions,
                "IN_PERSON",
                "Школа",
                null,
                start,
                start.plusSeconds(3600),
                null,
                null,
                List.of(),
                ActivityStatus.PUBLISHED,
                null,
                null,
                List.of(),
                List.of(),
                0,
                start,
                List.of());
    }

    static AudienceMember teacher(String municipality, String organization, String position, Set<TargetGroup> groups) {
        return new AudienceMember(
                "t", "reg-1", municipality, organization, position, groups, false, null, null, null, null);
    }

    @Test
    void theLevelSetsTheTerritory() {
        AudienceMember sameSchool = teacher("mun-1", "org-1", "TEACHER", Set.of());
        AudienceMember otherSchool = teacher("mun-1", "org-2", "TEACHER", Set.of());
        AudienceMember otherMunicipality = teacher("mun-2", "org-9", "TEACHER", Set.of());
        Activity school = activity("SCHOOL", Set.of(), List.of());
        Activity municipal = activity("MUNICIPAL", Set.of(), List.of());
        Activity regional = activity("REGIONAL", Set.of(), List.of());
        assertThat(Audience.includes(school, sameSchool)).isTrue();
        assertThat(Audience.includes(school, otherSchool)).isFalse();
        assertThat(Audience.includes(municipal, otherSchool)).isTrue();
        assertThat(Audience.includes(municipal, otherMunicipality)).isFalse();
        assertThat(Audience.includes(regional, otherMunicipality)).isTrue();
    }

    @Test
    void namedPositionsAndGroupsNarrowTheAudienceAndLeaversAreNeverInIt() {
        Activity forYoungTeachers = activity("MUNICIPAL", Set.of(TargetGroup.YOUNG_TEACHER), List.of("TEACHER"));
        assertThat(Audience.includes(
                        forYoungTeachers, teacher("mun-1", "org-2", "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER))))
                .isTrue();
        assertThat(Audience.includes(forYoungTeachers, teacher("mun-1", "org-2", "TEACHER", Set.of())))
                .isFalse();
        assertThat(Audience.includes(
                        forYoungTeachers, teacher("mun-1", "org-2", "DIRECTOR", Set.of(TargetGroup.YOUNG_TEACHER))))
                .isFalse();
        AudienceMember left =
                new AudienceMember("t", "reg-1", "mun-1", "org-1", "TEACHER", Set.of(), true, null, null, null, null);
        assertThat(Audience.includes(activity("MUNICIPAL", Set.of(), List.of()), left))
                .isFalse();
    }
}
