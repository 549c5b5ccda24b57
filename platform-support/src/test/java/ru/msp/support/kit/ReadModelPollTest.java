package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.support.consumer.ReadModelPoll;
import ru.msp.support.kit.KitTestApplication.Member;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** A poll of a read model: read once, merged in memory, the changed documents written at its end. */
@WithPlatformInfrastructure
@SpringBootTest(classes = KitTestApplication.class)
class ReadModelPollTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final TenantScope SYSTEM = TenantScope.system("kit-test");
    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final EventScope SCHOOL = new EventScope("reg-1", "mun-1", "org-1");

    /** A member keeps the place and time of the newest teacher event, and which kind of event it was. */
    static final ReadModelPoll.Model<Member> MEMBERS = new ReadModelPoll.Model<>(
            Member.class,
            Member::id,
            event -> event.data() instanceof ru.msp.contracts.teacher.TeacherChange change ? change.teacherId() : null,
            id -> new Member(id, null, null, null, null),
            (member, event) -> member.seenAt() != null && !event.time().isAfter(member.seenAt())
                    ? member
                    : new Member(
                            member.id(),
                            event.scope().regionId(),
                            event.scope().municipalityId(),
                            event.type().name(),
                            event.time()),
            member -> member);

    @Autowired
    ScopedMongo scoped;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void thePollMergesInMemoryAndWritesOnlyWhatChangedAtItsEnd() {
        String kept = "m-" + UUID.randomUUID();
        String added = "m-" + UUID.randomUUID();
        Member stored = new Member(kept, "reg-1", "mun-1", "stored", T0.plusSeconds(10));
        scoped.insertAll(SYSTEM, List.of(stored)).block(WAIT);
        List<DomainEvent<?>> events = List.of(
                registered(kept, T0.plusSeconds(5)), // older than what is stored
                registered(added, T0),
                event(EventCatalog.REGION_REGISTERED, T0, new RegionRegistered("reg-9", "59", "Пермский край")),
                event(
                        EventCatalog.TEACHER_DEPARTED,
                        T0.plusSeconds(1),
                        new TeacherDeparted(added, "org-1", LocalDate.of(2026, 9, 1))));
        ReadModelPoll<Member> poll = new ReadModelPoll<>(scoped, SYSTEM, MEMBERS);

        poll.load(events).block(WAIT);
        events.forEach(event -> poll.apply(event).block(WAIT));

        assertThat(poll.document(kept)).contains(stored);
        assertThat(poll.document(added).orElseThrow().externalKey()).isEqualTo("TeacherDeparted");
        assertThat(raw(added)).as("nothing written before the poll's end").isNull();

        poll.store().block(WAIT);

        assertThat(raw(added).getString("externalKey")).isEqualTo("TeacherDeparted");
        assertThat(raw(added).getDate("seenAt").toInstant()).isEqualTo(T0.plusSeconds(1));
        assertThat(raw(kept).getString("externalKey")).isEqualTo("stored");
        assertThat(raw("reg-9")).isNull();
    }

    private static DomainEvent<?> registered(String teacherId, Instant at) {
        TeacherFacts facts = new TeacherFacts(
                "org-1",
                "TEACHER",
                List.of(),
                null,
                null,
                "NONE",
                null,
                java.util.Set.of(),
                false,
                java.util.Set.of(),
                false);
        return event(EventCatalog.TEACHER_REGISTERED, at, new TeacherRegistered(teacherId, facts));
    }

    private static <P extends ru.msp.contracts.EventPayload> DomainEvent<P> event(
            ru.msp.contracts.EventType<P> type, Instant at, P data) {
        return new DomainEvent<>(UUID.randomUUID().toString(), "test", type, at, SCHOOL, null, null, data);
    }

    private Document raw(String id) {
        return mongo.findById(id, Document.class, KitTestApplication.MEMBERS).block(WAIT);
    }
}
