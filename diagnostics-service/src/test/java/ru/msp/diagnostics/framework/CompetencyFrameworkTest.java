package ru.msp.diagnostics.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.CompetencyLevel;

class CompetencyFrameworkTest {

    static final List<String> MANAGERS = List.of("DIRECTOR", "DEPUTY_DIRECTOR");
    static CompetencyFramework framework;

    @BeforeAll
    static void readTheShippedVersion() {
        framework = new FrameworkReader().readResource("framework/framework-2025.1.json");
    }

    @Test
    void version2025_1CoversWhatTheDesignRequires() {
        assertThat(framework.version()).isEqualTo("2025.1");
        assertThat(framework.competencies())
                .extracting(Competency::code)
                .contains(
                        "SUBJECT_KNOWLEDGE",
                        "SUBJECT_METHODOLOGY",
                        "PSYCHOLOGICAL_PEDAGOGICAL",
                        "ASSESSMENT",
                        "READING_LITERACY",
                        "MATHEMATICAL_LITERACY",
                        "SCIENCE_LITERACY",
                        "FINANCIAL_LITERACY",
                        "GLOBAL_COMPETENCE",
                        "CREATIVE_THINKING",
                        "DIGITAL_TEACHING",
                        "INCLUSIVE_EDUCATION",
                        "GIFTED_STUDENTS",
                        "PROJECT_RESEARCH",
                        "UPBRINGING",
                        "EDUCATION_QUALITY_MANAGEMENT",
                        "STAFF_DEVELOPMENT",
                        "MENTORING_SYSTEM_MANAGEMENT");
        assertThat(framework.positions())
                .extracting(Position::code)
                .contains(
                        "TEACHER",
                        "EDUCATOR",
                        "ADDITIONAL_EDUCATION_TEACHER",
                        "TUTOR",
                        "METHODIST",
                        "PSYCHOLOGIST",
                        "SPEECH_THERAPIST",
                        "DEFECTOLOGIST",
                        "SENIOR_EDUCATOR",
                        "DEPUTY_DIRECTOR",
                        "DIRECTOR");
        assertThat(framework.levels()).extracting(LevelLabel::code).containsExactly(CompetencyLevel.values());
        assertThat(framework.competency("READING_LITERACY"))
                .get()
                .extracting(Competency::nameRu, Competency::nameEn)
                .containsExactly("Читательская грамотность", "Reading literacy");
    }

    @Test
    void managementCompetenciesApplyToDirectorsAndDeputiesOnly() {
        List<Competency> management = framework.areas().stream()
                .filter(Area::managerial)
                .flatMap(a -> a.competencies().stream())
                .toList();

        assertThat(management)
                .extracting(Competency::code)
                .contains("EDUCATION_QUALITY_MANAGEMENT", "STAFF_DEVELOPMENT");
        assertThat(management).allSatisfy(c -> assertThat(MANAGERS).containsAll(c.positions()));
        assertThat(framework.positions())
                .filteredOn(Position::managerial)
                .extracting(Position::code)
                .containsExactlyInAnyOrderElementsOf(MANAGERS);
    }

    @Test
    void aDirectorSeesManagementOnlyAndATeacherNoManagementAtAll() {
        assertThat(framework.applicableTo("DIRECTOR")).extracting(Area::code).containsExactly("MANAGEMENT");
        assertThat(framework.applicableTo("TEACHER")).noneMatch(Area::managerial);
        assertThat(framework.applicableTo("TEACHER"))
                .flatExtracting(Area::competencies)
                .extracting(Competency::code)
                .contains("SUBJECT_METHODOLOGY", "UPBRINGING", "FINANCIAL_LITERACY")
                .doesNotContain("STAFF_DEVELOPMENT");
        assertThat(framework.competency("SUBJECT_METHODOLOGY").orElseThrow().appliesTo("DIRECTOR"))
                .isFalse();
        assertThat(framework.competency("INCLUSIVE_EDUCATION").orElseThrow().appliesTo("DEFECTOLOGIST"))
                .isTrue();
    }

    @Test
    void everyPositionHasSomethingToBeDiagnosedOn() {
        assertThat(framework.positions())
                .allSatisfy(p -> assertThat(framework.applicableTo(p.code())).isNotEmpty());
    }

    @Test
    void aManagementCompetencyForTeachersIsRefused() {
        String file = valid().replace("\"positions\": [\"DIRECTOR\"]", "\"positions\": [\"DIRECTOR\", \"TEACHER\"]");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InvalidFrameworkException.class)
                .hasMessageContaining(
                        "management competency STAFF_DEVELOPMENT must not apply to non-management position TEACHER");
    }

    @Test
    void everyProblemOfAFileIsListedAtOnce() {
        String file = valid().replace("\"SUBJECT_KNOWLEDGE\"", "\"STAFF_DEVELOPMENT\"")
                .replace("\"Reading literacy\"", "\"\"")
                .replace("\"positions\": [\"TEACHER\"]", "\"positions\": [\"TEACHER\", \"ASTRONAUT\"]");

        assertThatThrownBy(() -> read(file))
                .isInstanceOfSatisfying(
                        InvalidFrameworkException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "competency code STAFF_DEVELOPMENT is used twice",
                                        "competency READING_LITERACY has no nameEn",
                                        "competency STAFF_DEVELOPMENT names unknown position ASTRONAUT"));
    }

    @Test
    void codesAreUpperSnakeCase() {
        assertThatThrownBy(() -> read(valid().replace("\"READING_LITERACY\"", "\"readingLiteracy\"")))
                .hasMessageContaining("competency code 'readingLiteracy' must be UPPER_SNAKE_CASE");
    }

    @Test
    void aMisspeltPropertyOrAMissingManagerialFlagIsRefused() {
        assertThatThrownBy(() -> read(valid().replace("\"positions\": [\"TEACHER\"]", "\"positons\": [\"TEACHER\"]")))
                .isInstanceOf(InvalidFrameworkException.class)
                .hasMessageContaining("positons");
        assertThatThrownBy(() -> read(valid().replace(", \"managerial\": true", "")))
                .isInstanceOf(InvalidFrameworkException.class)
                .hasMessageContaining("managerial");
    }

    private static CompetencyFramework read(String json) {
        return new FrameworkReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String valid() {
        return """
                {
                  "version": "2099.1",
                  "levels": [
                    {"code": "HIGH", "nameRu": "Высокий", "nameEn": "High"},
                    {"code": "ADVANCED", "nameRu": "Повышенный", "nameEn": "Advanced"},
                    {"code": "BASIC", "nameRu": "Базовый", "nameEn": "Basic"},
                    {"code": "BELOW_BASIC", "nameRu": "Ниже базового", "nameEn": "Below basic"}
                  ],
                  "positions": [
                    {"code": "TEACHER", "nameRu": "Учитель", "nameEn": "Teacher", "managerial": false},
                    {"code": "DIRECTOR", "nameRu": "Руководитель", "nameEn": "Head", "managerial": true}
                  ],
                  "areas": [
                    {"code": "TEACHING", "nameRu": "Преподавание", "nameEn": "Teaching", "managerial": false,
                     "competencies": [
                       {"code": "SUBJECT_KNOWLEDGE", "nameRu": "Предметные знания", "nameEn": "Subject knowledge",
                        "positions": ["TEACHER"], "note": "editorial notes are allowed"},
                       {"code": "READING_LITERACY", "nameRu": "Читательская грамотность", "nameEn": "Reading literacy",
                        "positions": ["TEACHER"]}
                     ]},
                    {"code": "MANAGEMENT", "nameRu": "Управление", "nameEn": "Management", "managerial": true,
                     "competencies": [
                       {"code": "STAFF_DEVELOPMENT", "nameRu": "Развитие кадрового потенциала", "nameEn": "Staff development",
                        "positions": ["DIRECTOR"]}
                     ]}
                  ]
                }
                """;
    }

    @Test
    void theValidSampleIsValid() {
        assertThat(read(valid()).competencies()).hasSize(3);
    }
}
