package ru.msp.activities.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.activities.TeacherFeed;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;

/** How one {@code teacher.v1} event changes the audience read model, whatever order events arrive in. */
class AudienceMergeTest {

    static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    static final String ID = "t-1";
    static final EventScope SCHOOL = new EventScope("reg-66", "mun-1", "org-1");
    static final EventScope MOVED = new EventScope("reg-66", "mun-2", "org-2");

    @Test
    void aRegistrationPlacesTheTeacherAndSetsTheirFacts() {
        AudienceMember member = merged(registered(T0));

        assertThat(member.regionId()).isEqualTo("reg-66");
        assertThat(member.municipalityId()).isEqualTo("mun-1");
        assertThat(member.organizationId()).isEqualTo("org-1");
        assertThat(member.position()).isEqualTo("TEACHER");
        assertThat(member.targetGroups()).containsExactly(TargetGroup.MENTOR);
        assertThat(member.active()).isTrue();
        assertThat(member.placeTime()).isEqualTo(T0);
        assertThat(member.factsTime()).isEqualTo(T0);
    }

    @Test
    void aLateRegistrationKeepsTheNewerTransferAndUpdate() {
        AudienceMember member = merged(
                event(
                        EventCatalog.TEACHER_TRANSFERRED,
                        MOVED,
                        T0.plusSeconds(60),
                        new TeacherTransferred(ID, "org-1", "org-2", "mun-2", LocalDate.of(2026, 1, 10))),
                event(
                        EventCatalog.TEACHER_UPDATED,
                        MOVED,
                        T0.plusSeconds(120),
                        new TeacherUpdated(ID, TeacherFeed.facts("org-2", "METHODIST", Set.of()))),
                registered(T0));

        assertThat(member.municipalityId()).isEqualTo("mun-2");
        assertThat(member.organizationId()).isEqualTo("org-2");
        assertThat(member.position()).isEqualTo("METHODIST");
        assertThat(member.targetGroups()).isEmpty();
        assertThat(member.placeTime()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void aReplayChangesNothingAndADepartureStays() {
        DomainEvent<?> registration = registered(T0);
        AudienceMember once = merged(registration);
        assertThat(TeacherDirectory.merge(once, registration)).isSameAs(once);

        AudienceMember left = merged(
                registration,
                event(
                        EventCatalog.TEACHER_DEPARTED,
                        SCHOOL,
                        T0.plusSeconds(30),
                        new TeacherDeparted(ID, "org-1", LocalDate.of(2026, 1, 11))),
                event(
                        EventCatalog.TEACHER_UPDATED,
                        SCHOOL,
                        T0.plusSeconds(60),
                        new TeacherUpdated(ID, TeacherFeed.facts("org-1", "TUTOR", Set.of()))));

        assertThat(left.departed()).isTrue();
        assertThat(left.active()).isFalse();
        assertThat(left.position()).as("facts still kept").isEqualTo("TUTOR");
    }

    @Test
    void timesAreComparedAsStoredInMilliseconds() {
        AudienceMember stored = merged(registered(T0));
        DomainEvent<?> sameMillisecond = event(
                EventCatalog.TEACHER_UPDATED,
                MOVED,
                T0.plusNanos(400_000),
                new TeacherUpdated(ID, TeacherFeed.facts("org-2", "METHODIST", Set.of())));

        assertThat(TeacherDirectory.merge(stored, sameMillisecond)).isSameAs(stored);
    }

    private static AudienceMember merged(DomainEvent<?>... events) {
        AudienceMember member = AudienceMember.unseen(ID);
        for (DomainEvent<?> event : events) {
            member = TeacherDirectory.merge(member, event);
        }
        return member;
    }

    private static DomainEvent<?> registered(Instant at) {
        return event(
                EventCatalog.TEACHER_REGISTERED,
                SCHOOL,
                at,
                new TeacherRegistered(ID, TeacherFeed.facts("org-1", "TEACHER", Set.of(TargetGroup.MENTOR))));
    }

    private static <P extends EventPayload> DomainEvent<P> event(
            EventType<P> type, EventScope scope, Instant at, P data) {
        return new DomainEvent<>(
                "e-" + at.toEpochMilli() + type.type(), "teacher-service", type, at, scope, null, null, data);
    }
}
