package ru.msp.teacher.teacher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.TargetGroup;
import ru.msp.support.problem.RequestRejectedException;

class TeacherImportFileTest {

    @Test
    void readsARussianExportWithSemicolonsAndABom() {
        String csv = "\uFEFFВнешний идентификатор;Фамилия;Имя;Отчество;Дата рождения;Должность;Предметы;"
                + "Педагогический стаж с;Квалификационная категория;Дата присвоения категории;Целевые группы;"
                + "Методический актив;Примечание\r\n"
                + "A-1;Ёлкина;Анна;Петровна;05.03.1990;Учитель-логопед;\"Русский язык, Литература\";01.09.2012;"
                + "Высшая;2020-12-25;молодой педагог, ОВЗ;да;что-то\r\n"
                + "\r\n"
                + "A-2;Петров;Пётр;;1985-01-31;Заместитель директора по УВР;;31/08/2008;без категории;;;нет;\r\n";
        TeacherImportFile.Parsed parsed =
                TeacherImportFile.csv(TeacherImportFile.decode(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.ignoredColumns()).containsExactly("Примечание");
        assertThat(parsed.rows()).hasSize(2);
        ImportRow first = parsed.rows().get(0);
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.problems()).isEmpty();
        TeacherRegistration r = first.registration();
        assertThat(r.externalId()).isEqualTo("A-1");
        assertThat(r.lastName()).isEqualTo("Ёлкина");
        assertThat(r.middleName()).isEqualTo("Петровна");
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1990, 3, 5));
        assertThat(r.position()).isEqualTo("SPEECH_THERAPIST");
        assertThat(r.subjects()).containsExactly("Русский язык", "Литература");
        assertThat(r.pedagogicalStartDate()).isEqualTo(LocalDate.of(2012, 9, 1));
        assertThat(r.category()).isEqualTo("HIGHEST");
        assertThat(r.categoryDate()).isEqualTo(LocalDate.of(2020, 12, 25));
        assertThat(r.targetGroups()).isEqualTo(Set.of(TargetGroup.YOUNG_TEACHER, TargetGroup.DISABILITIES));
        assertThat(r.methodicalAsset()).isTrue();
        TeacherRegistration second = parsed.rows().get(1).registration();
        assertThat(parsed.rows().get(1).row()).isEqualTo(2);
        assertThat(second.position()).isEqualTo("DEPUTY_DIRECTOR");
        assertThat(second.middleName()).isNull();
        assertThat(second.category()).isEqualTo("NONE");
        assertThat(second.pedagogicalStartDate()).isEqualTo(LocalDate.of(2008, 8, 31));
        assertThat(second.methodicalAsset()).isFalse();
    }

    @Test
    void readsEnglishColumnsWithCommasAndAWindows1251File() {
        String csv = "externalId,lastName,firstName,birthDate,position,pedagogicalStartDate,category\n"
                + "x1,Сидорова,Ольга,1970-02-01,TEACHER,1992-09-01,FIRST\n";
        byte[] cp1251 = csv.getBytes(Charset.forName("windows-1251"));
        TeacherImportFile.Parsed parsed = TeacherImportFile.csv(TeacherImportFile.decode(cp1251));
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.registration().lastName()).isEqualTo("Сидорова");
            assertThat(row.registration().category()).isEqualTo("FIRST");
        });
    }

    @Test
    void unreadableValuesAreProblemsOfTheirRow() {
        String csv = "ID;ФИО;Дата рождения;Методический актив;Целевые группы\n"
                + "7;Иванов Иван Иванович;31.02.1980;может быть;космонавты\n";
        ImportRow row = TeacherImportFile.csv(csv).rows().get(0);
        assertThat(row.registration().lastName()).isEqualTo("Иванов");
        assertThat(row.registration().firstName()).isEqualTo("Иван");
        assertThat(row.registration().middleName()).isEqualTo("Иванович");
        assertThat(row.problems())
                .extracting(p -> p.field())
                .containsExactlyInAnyOrder("birthDate", "methodicalAsset", "targetGroups");
    }

    @Test
    void aHeaderWithoutNamesOrExternalIdRejectsTheFile() {
        assertThatThrownBy(() -> TeacherImportFile.csv("Должность;Предметы\nУчитель;Физика\n"))
                .isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> TeacherImportFile.csv("")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void readsNdjsonWithArraysAndFlagsABadLine() {
        String ndjson = "{\"externalId\":\"n1\",\"lastName\":\"Козлова\",\"firstName\":\"Вера\","
                + "\"birthDate\":\"1988-04-04\",\"pedagogicalStartDate\":\"2010-09-01\",\"position\":\"Учитель\","
                + "\"subjects\":[\"Химия\",\"Биология\"],\"registryExpert\":true,\"shoeSize\":38}\n"
                + "\n"
                + "not json\n";
        TeacherImportFile.Parsed parsed = TeacherImportFile.ndjson(ndjson);
        assertThat(parsed.ignoredColumns()).containsExactly("shoeSize");
        assertThat(parsed.rows()).hasSize(2);
        TeacherRegistration r = parsed.rows().get(0).registration();
        assertThat(r.subjects()).isEqualTo(List.of("Химия", "Биология"));
        assertThat(r.position()).isEqualTo("TEACHER");
        assertThat(r.registryExpert()).isTrue();
        assertThat(parsed.rows().get(1).row()).isEqualTo(3);
        assertThat(parsed.rows().get(1).registration()).isNull();
        assertThat(parsed.rows().get(1).problems()).isNotEmpty();
    }

    @Test
    void positionsAndCategoriesInRussian() {
        assertThat(TeacherImportFile.position("Педагог-психолог")).isEqualTo("PSYCHOLOGIST");
        assertThat(TeacherImportFile.position("педагог дополнительного образования"))
                .isEqualTo("ADDITIONAL_EDUCATION_TEACHER");
        assertThat(TeacherImportFile.position("Старший воспитатель")).isEqualTo("SENIOR_EDUCATOR");
        assertThat(TeacherImportFile.position("Директор")).isEqualTo("DIRECTOR");
        assertThat(TeacherImportFile.position("Учитель")).isEqualTo("TEACHER");
        assertThat(TeacherImportFile.position("Дворник")).isEqualTo("Дворник");
        assertThat(TeacherImportFile.position("Заместитель директора по УВР")).isEqualTo("DEPUTY_DIRECTOR");
        assertThat(TeacherImportFile.position("Учитель-логопед")).isEqualTo("SPEECH_THERAPIST");
        assertThat(TeacherImportFile.category("Первая")).isEqualTo("FIRST");
        assertThat(TeacherImportFile.category("соответствие занимаемой должности"))
                .isEqualTo("NONE");
    }
}
