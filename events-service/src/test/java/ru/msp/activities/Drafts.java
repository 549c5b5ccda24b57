package ru.msp.activities;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ru.msp.activities.activity.ActivityDraft;
import ru.msp.activities.activity.ActivityKind;
import ru.msp.activities.activity.CompetitionStage;
import ru.msp.activities.activity.CourseDetails;
import ru.msp.contracts.TargetGroup;

/** Activity drafts the tests plan, after seed 003's activity plan. */
public final class Drafts {

    public static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

    private Drafts() {}

    public static ActivityDraft seminar(String region, String municipality, Integer capacity) {
        return seminar(region, municipality, "MUNICIPAL", "org-imk", capacity, Set.of(), List.of(), true);
    }

    public static ActivityDraft seminar(
            String region,
            String municipality,
            String level,
            String organizer,
            Integer capacity,
            Set<TargetGroup> groups,
            List<String> positions,
            boolean publish) {
        return new ActivityDraft(
                region,
                municipality,
                organizer,
                "Семинар «Формирование и оценивание функциональной грамотности обучающихся»",
                ActivityKind.SEMINAR,
                level,
                List.of("READING_LITERACY"),
                groups,
                positions,
                "IN_PERSON",
                "МБОУ СОШ № 23",
                null,
                START,
                START.plus(Duration.ofHours(3)),
                capacity,
                null,
                publish,
                null);
    }

    public static ActivityDraft course(String region, String municipality, boolean federalRegistry) {
        return new ActivityDraft(
                region,
                municipality,
                "org-ripk",
                "ДПП «Цифровая образовательная среда»",
                ActivityKind.COURSE,
                "REGIONAL",
                List.of("DIGITAL"),
                Set.of(),
                List.of("TEACHER"),
                "REMOTE",
                null,
                "https://ripk.example/courses/ces",
                START,
                START.plus(Duration.ofDays(10)),
                null,
                new CourseDetails(new BigDecimal("72"), "ГБУ ДПО РО РИПК и ППРО", federalRegistry),
                true,
                null);
    }

    public static ActivityDraft competition(String region, String municipality) {
        return new ActivityDraft(
                region,
                municipality,
                "org-imk",
                "Муниципальный этап конкурса «Педагогический дебют»",
                ActivityKind.COMPETITION,
                "MUNICIPAL",
                List.of("SUBJECT_METHODOLOGY"),
                Set.of(TargetGroup.YOUNG_TEACHER),
                List.of(),
                "IN_PERSON",
                "Районный Дом культуры",
                null,
                START,
                START.plus(Duration.ofDays(30)),
                null,
                null,
                true,
                List.of(
                        new CompetitionStage("Муниципальный этап", "MUNICIPAL", null, null),
                        new CompetitionStage("Региональный этап", "REGIONAL", null, null)));
    }
}
