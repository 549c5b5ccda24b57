package ru.msp.activities.activity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ru.msp.contracts.TargetGroup;

/**
 * The body of {@code POST /api/activities}. Scope (region, municipality) is in the body until tokens carry it.
 *
 * @param level SCHOOL, MUNICIPAL, REGIONAL or FEDERAL
 * @param format IN_PERSON, REMOTE or MIXED
 * @param publish publish at once (informs its audience) or keep as a draft; ignored by {@code PUT}
 * @param stages the stages of a competition
 */
public record ActivityDraft(
        @NotBlank String regionId,
        @NotBlank String municipalityId,
        @NotBlank String organizerId,
        @NotBlank @Size(max = 300) String title,
        @NotNull ActivityKind kind,

        @NotBlank @Pattern(regexp = "SCHOOL|MUNICIPAL|REGIONAL|FEDERAL")
        String level,

        List<@NotBlank String> competencyCodes,
        Set<TargetGroup> targetGroups,
        List<@NotBlank String> positions,

        @NotBlank @Pattern(regexp = "IN_PERSON|REMOTE|MIXED")
        String format,

        @Size(max = 500) String place,
        @Size(max = 1000) String link,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Positive Integer capacity,
        @Valid CourseDetails course,
        Boolean publish,
        List<@Valid CompetitionStage> stages) {}
