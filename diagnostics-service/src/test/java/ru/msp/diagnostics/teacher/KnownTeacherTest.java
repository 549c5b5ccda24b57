package ru.msp.diagnostics.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;

class KnownTeacherTest {

    static final Instant T1 = Instant.parse("2026-01-10T10:00:00Z");
    static final Instant T2 = T1.plusSeconds(60);
    static final Instant T3 = T2.plusSeconds(60);
    static final EventScope SCHOOL_A = new EventScope("reg", "mun-a", "org-a");

    static TeacherFacts facts(String org, String position, Set<TargetGroup> groups) {
        return new TeacherFacts(org, position, List.of(), null, null, "NONE", null, groups, false, Set.of(), false);
    }

    static <P extends EventPayload> DomainEvent<P> at(Instant time, EventType<P> type, EventScope scope, P data) {
        return new DomainEvent<>("e-" + time + type.type(), "/t", type, time, scope, null, null, data);
    }

    static KnownTeacher replay(List<DomainEvent<?>> events) {
        KnownTeacher teacher = KnownTeacher.unseen("t-1");
        for (DomainEvent<?> event : events) {
            teacher = TeacherDirectory.merge(teacher, event);
        }
        return teacher;
    }

    DomainEvent<?> registered = at(
            T1,
            EventCatalog.TEACHER_REGISTERED,
            SCHOOL_A,
            new TeacherRegistered("t-1", facts("org-a", "TEACHER", Set.of())));
    DomainEvent<?> updated = at(
            T2,
            EventCatalog.TEACHER_UPDATED,
            SCHOOL_A,
            new TeacherUpdated("t-1", facts("org-a", "DEPUTY_DIRECTOR", Set.of(TargetGroup.MENTOR))));
    DomainEvent<?> transferred = at(
            T3,
            EventCatalog.TEACHER_TRANSFERRED,
            new EventScope("reg", "mun-b", "org-b"),
            new TeacherTransferred("t-1", "org-a", "org-b", "mun-b", LocalDate.of(2026, 2, 1)));

    @Test
    void inOrderEventsGiveTheLatestFactsAndPlace() {
        KnownTeacher teacher = replay(List.of(registered, updated, transferred));

        assertThat(teacher.known()).isTrue();
        assertThat(teacher.position()).isEqualTo("DEPUTY_DIRECTOR");
        assertThat(teacher.targetGroups()).containsExactly(TargetGroup.MENTOR);
        assertThat(teacher.tenantKey().municipalityId()).isEqualTo("mun-b");
        assertThat(teacher.organizationId()).isEqualTo("org-b");
        assertThat(teacher.departed()).isFalse();
    }

    @Test
    void anyOrderGivesTheSameState() {
        KnownTeacher inOrder = replay(List.of(registered, updated, transferred));

        assertThat(replay(List.of(transferred, updated, registered))).isEqualTo(inOrder);
        assertThat(replay(List.of(updated, registered, transferred))).isEqualTo(inOrder);
        assertThat(replay(List.of(updated, transferred, registered, updated))).isEqualTo(inOrder);
    }

    @Test
    void anUpdateBeforeTheRegistrationIsNotLost() {
        KnownTeacher teacher = replay(List.of(updated, registered));

        assertThat(teacher.position()).isEqualTo("DEPUTY_DIRECTOR");
        assertThat(teacher.factsAt()).isEqualTo(T2);
    }

    @Test
    void aDepartureIsFinalWhateverComesAfterIt() {
        DomainEvent<?> departed = at(
                T2,
                EventCatalog.TEACHER_DEPARTED,
                SCHOOL_A,
                new TeacherDeparted("t-1", "org-a", LocalDate.of(2026, 1, 11)));

        KnownTeacher departedFirst = replay(List.of(departed, registered));
        KnownTeacher departedLast = replay(List.of(registered, departed));

        assertThat(departedFirst).isEqualTo(departedLast);
        assertThat(departedFirst.departed()).isTrue();
        assertThat(departedFirst.departedOn()).isEqualTo(LocalDate.of(2026, 1, 11));
        assertThat(departedFirst.position()).isEqualTo("TEACHER");
        assertThat(departedFirst.organizationId()).isEqualTo("org-a");
    }

    @Test
    void aDepartureAloneLeavesTheTeacherUnknownForDiagnosis() {
        KnownTeacher teacher = replay(List.of(at(
                T1,
                EventCatalog.TEACHER_DEPARTED,
                SCHOOL_A,
                new TeacherDeparted("t-1", "org-a", LocalDate.of(2026, 1, 10)))));

        assertThat(teacher.known()).isFalse();
        assertThat(teacher.departed()).isTrue();
    }
}
