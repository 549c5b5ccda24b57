package ru.msp.activities.practice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/practices}. */
public record PracticeDraft(
        @NotBlank String regionId,
        @NotBlank String municipalityId,
        @NotBlank String organizationId,
        @NotBlank @Size(max = 300) String title,
        @NotEmpty List<@NotBlank String> authorTeacherIds,
        @NotEmpty List<@NotBlank String> competencyCodes,

        @NotBlank @Pattern(regexp = "SCHOOL|MUNICIPAL|REGIONAL|FEDERAL")
        String presentedLevel,

        @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link")
        String materialsUrl,

        String activityId) {}
