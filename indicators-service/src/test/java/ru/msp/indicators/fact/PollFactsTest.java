package ru.msp.indicators.fact;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * A poll reads the facts its events name together ({@link FactStore#preload}), each change starts from the poll's
 * copy instead of reading its document, and the poll's facts are written together before its drain; a copy another
 * writer made stale is read again then and the poll's changes redone on it, so no change is lost.
 */
@WithPlatformInfrastructure
@SpringBootTest
@Import(PollFactsTest.FindsSeen.class)
class PollFactsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate DEPARTED = LocalDate.of(2026, 5, 31);

    /** The filters of the {@code find} commands this service sends for teacher facts. */
    static final Queue<String> teacherFinds = new ConcurrentLinkedQueue<>();

    @TestConfiguration
    static class FindsSeen {
        @Bean
        MongoClientSettingsBuilderCustomizer findsOfTeacherFacts() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if ("find".equals(event.getCommandName())
                            && TeacherFact.COLLECTION.equals(
                                    event.getCommand().getString("find").getValue())) {
                        teacherFinds.add(
                                event.getCommand().getDocument("filter").toJson());
                    }
                }
            });
        }
    }

    @Autowired
    FactStore facts;

    @Autowired
    ScopedMongo mongo;

    @Test
    void aPollReadsItsFactsInOneQueryAndItsChangesReadNoneAgain() {
        String a = stored(placedIn("mun-a"));
        String b = stored(placedIn("mun-b"));
        String absent = "poll-" + UUID.randomUUID();
        FactsToDrain poll = new FactsToDrain();
        teacherFinds.clear();

        facts.preload(List.of(a, b, absent), List.of()).contextWrite(poll::into).block(WAIT);
        inPoll(poll, a, f -> f.withDeparture(DEPARTED));
        inPoll(poll, b, f -> f.withDeparture(DEPARTED));
        inPoll(poll, absent, placedIn("mun-c"));
        inPoll(poll, a, placedIn("mun-a2"));
        List<String> findsOfTheChanges = findsNaming(a, b, absent);
        assertThat(fact(a).version())
                .as("written before the drain, not at each change")
                .isEqualTo(1);
        assertThat(fact(absent)).isNull();
        teacherFinds.clear();
        facts.drain(poll).block(WAIT);
        facts.pollEnded(poll);
        assertThat(findsNaming(a, b, absent))
                .as("the drain takes the poll's copies, as written, without reading them again")
                .isEmpty();

        assertThat(findsOfTheChanges)
                .as("one query for the three, none per change")
                .hasSize(1);
        assertThat(fact(a).departedOn()).isEqualTo(DEPARTED);
        assertThat(fact(a).municipalityId()).isEqualTo("mun-a2");
        assertThat(fact(a).version()).as("two changes after the first").isEqualTo(3);
        assertThat(fact(b).departedOn()).isEqualTo(DEPARTED);
        assertThat(fact(absent).municipalityId()).isEqualTo("mun-c");
    }

    @Test
    void aFactAnotherWriterChangedAfterThePollReadItIsReadAgainAndKeepsBothChanges() {
        String a = stored(placedIn("mun-a"));
        String created = "poll-" + UUID.randomUUID();
        FactsToDrain poll = new FactsToDrain();
        facts.preload(List.of(a, created), List.of()).contextWrite(poll::into).block(WAIT);

        // another instance writes both after the poll read them (one of them did not exist then)
        facts.teacher(a, f -> f.withDeparture(DEPARTED)).block(WAIT);
        facts.teacher(created, f -> f.withDeparture(DEPARTED)).block(WAIT);
        teacherFinds.clear();

        inPoll(poll, a, placedIn("mun-a2"));
        inPoll(poll, created, placedIn("mun-c"));
        assertThat(findsNaming(a, created))
                .as("the changes start from the poll's copies")
                .isEmpty();
        facts.drain(poll).block(WAIT);
        facts.pollEnded(poll);

        // the poll's write of each missed (a moved on, created exists): its changes are redone from the store
        assertThat(findsById(a)).as("the stale copy was read again, once").hasSize(1);
        assertThat(findsById(created)).hasSize(1);
        assertThat(fact(a).departedOn()).isEqualTo(DEPARTED);
        assertThat(fact(a).municipalityId()).isEqualTo("mun-a2");
        assertThat(fact(created).departedOn()).isEqualTo(DEPARTED);
        assertThat(fact(created).municipalityId()).isEqualTo("mun-c");
    }

    @Test
    void theTeachersOfAnActivityWithinAPollAreThoseItLeftNotYetWritten() {
        String teacher = "poll-" + UUID.randomUUID();
        String activity = "act-" + UUID.randomUUID();
        DomainEvent<TeacherInformed> informed = DomainEvent.create(
                "events-service",
                EventCatalog.TEACHER_INFORMED,
                new EventScope("reg-poll", "mun-a", "org-a"),
                null,
                null,
                new TeacherInformed(activity, teacher, Instant.parse("2026-09-02T10:00:00Z")));
        FactsToDrain poll = new FactsToDrain();
        facts.preload(List.of(teacher), List.of()).contextWrite(poll::into).block(WAIT);
        inPoll(poll, teacher, f -> FactChanges.informed(f, informed, informed.data(), null));

        assertThat(teachersOf(activity, poll)).containsExactly(teacher);
        assertThat(teachersOf(activity, null)).as("not written yet").isEmpty();
        facts.drain(poll).block(WAIT);
        facts.pollEnded(poll);
        assertThat(teachersOf(activity, null)).containsExactly(teacher);
    }

    private List<String> teachersOf(String activity, FactsToDrain poll) {
        var teachers = facts.teachersOfActivity(activity).map(TeacherFact::id);
        return (poll == null ? teachers : teachers.contextWrite(poll::into))
                .collectList()
                .block(WAIT);
    }

    private static UnaryOperator<TeacherFact> placedIn(String municipality) {
        return f ->
                f.withPlacement("reg-poll", municipality, "org-" + municipality, Instant.parse("2026-09-01T00:00:00Z"));
    }

    /** A teacher fact stored outside any poll (version 1). */
    private String stored(UnaryOperator<TeacherFact> change) {
        String id = "poll-" + UUID.randomUUID();
        facts.teacher(id, change).block(WAIT);
        return id;
    }

    private void inPoll(FactsToDrain poll, String id, UnaryOperator<TeacherFact> change) {
        facts.teacher(id, change).contextWrite(poll::into).block(WAIT);
    }

    private TeacherFact fact(String id) {
        return mongo.findById(TenantScope.system("test"), id, TeacherFact.class).block(WAIT);
    }

    /** The reads of one document by its id alone (a poll's reads name several with $in). */
    private static List<String> findsById(String id) {
        String filter = new org.bson.Document("_id", id).toJson();
        return teacherFinds.stream().filter(filter::equals).toList();
    }

    private static List<String> findsNaming(String... ids) {
        return teacherFinds.stream()
                .filter(filter -> java.util.Arrays.stream(ids).anyMatch(filter::contains))
                .toList();
    }
}
