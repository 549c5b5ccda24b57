package ru.msp.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SchoolYearTest {

    @Test
    void runsFromTheFirstOfSeptemberToTheThirtyFirstOfAugust() {
        SchoolYear year = SchoolYear.parse("2025/2026");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(year.lastDay()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(year).hasToString("2025/2026");
    }

    @Test
    void aDateBelongsToTheSchoolYearThatBeganOnTheLastFirstOfSeptember() {
        assertThat(SchoolYear.containing(LocalDate.of(2025, 8, 31))).isEqualTo(SchoolYear.parse("2024/2025"));
        assertThat(SchoolYear.containing(LocalDate.of(2025, 9, 1))).isEqualTo(SchoolYear.parse("2025/2026"));
    }

    @Test
    void overlapsAPeriodWhenTheyShareADay() {
        SchoolYear year = SchoolYear.parse("2024/2025");
        assertThat(year.overlaps(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)))
                .isTrue();
        assertThat(year.overlaps(LocalDate.of(2025, 8, 31), LocalDate.of(2025, 12, 31)))
                .isTrue();
        assertThat(year.overlaps(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 8, 31)))
                .isFalse();
    }

    @Test
    void onlyTwoConsecutiveYearsMakeASchoolYear() {
        assertThatThrownBy(() -> SchoolYear.parse("2025/2027")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolYear.parse("2025-2026")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SchoolYear.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWrittenInJsonAsInTheDocuments() {
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.writeValueAsString(SchoolYear.parse("2023/2024"))).isEqualTo("\"2023/2024\"");
        assertThat(json.readValue("\"2023/2024\"", SchoolYear.class)).isEqualTo(new SchoolYear(2023));
    }
}
