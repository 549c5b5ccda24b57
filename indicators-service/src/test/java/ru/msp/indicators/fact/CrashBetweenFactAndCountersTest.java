package ru.msp.indicators.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import ru.msp.indicators.value.CounterDelta;
import ru.msp.indicators.value.CounterKey;
import ru.msp.indicators.value.CounterStore;
import ru.msp.indicators.value.DeltaNotation;
import ru.msp.indicators.value.FactDeltas;
import ru.msp.indicators.value.FactRelease;
import ru.msp.indicators.value.IndicatorCounter;
import ru.msp.indicators.value.ScopeKind;
import ru.msp.indicators.value.Tally;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * The fact write and its counter deltas are one document; applying them is idempotent per (fact, version), so a
 * crash before, during or after the application neither loses nor doubles a delta.
 */
@WithPlatformInfrastructure
@SpringBootTest
class CrashBetweenFactAndCountersTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    CounterStore counters;

    @Autowired
    FactStore facts;

    @Autowired
    ScopedMongo mongo;

    @Autowired
    ReactiveMongoTemplate raw;

    @Test
    void aDeltaAppliesOncePerFactVersionAndNeverBehindANewerOne() {
        CounterKey key = key();
        CounterDelta plusOne = new CounterDelta(key, 1, 1);
        assertThat(counters.apply("t_a", 1, plusOne).block(WAIT).tally()).isEqualTo(new Tally(1, 1));
        assertThat(counters.apply("t_a", 1, plusOne).blockOptional(WAIT)).isEmpty(); // redone after a crash
        assertThat(counters.apply("t_b", 1, plusOne).block(WAIT).tally()).isEqualTo(new Tally(2, 2)); // another fact
        assertThat(counters.apply("t_a", 2, new CounterDelta(key, -1, 0))
                        .block(WAIT)
                        .tally())
                .isEqualTo(new Tally(1, 2));
        assertThat(counters.apply("t_a", 1, plusOne).blockOptional(WAIT)).isEmpty(); // older than applied
        assertThat(counters.byId(key.id()).block(WAIT).tally()).isEqualTo(new Tally(1, 2));
    }

    @Test
    void deltasLeftPendingByACrashAreAppliedOnceBySweep() {
        CounterKey key = key();
        String teacher = "crash-" + UUID.randomUUID();
        String factKey = FactStore.TEACHER_KEY + teacher;
        // the state a crash leaves: the fact written with its deltas, none applied
        TeacherFact written = TeacherFact.empty(teacher)
                .withBookkeeping(1, List.of(new DeltaBatch(1, List.of(new CounterDelta(key, 1, 1)))));
        mongo.insert(TenantScope.system("test"), written).block(WAIT);
        Document stored =
                raw.findById(teacher, Document.class, TeacherFact.COLLECTION).block(WAIT);
        assertThat(stored.getList("pending", Document.class).get(0).getList("deltas", Object.class))
                .as("each delta one string (DeltaNotation)")
                .containsExactly(DeltaNotation.write(new CounterDelta(key, 1, 1)));
        facts.drainLeftovers().block(WAIT);
        facts.drainLeftovers().block(WAIT); // a second sweep, or the next change, finds nothing left to do
        IndicatorCounter counter = counters.byId(key.id()).block(WAIT);
        assertThat(counter.tally()).isEqualTo(new Tally(1, 1));
        assertThat(mongo.findById(TenantScope.system("test"), teacher, TeacherFact.class)
                        .block(WAIT)
                        .pending())
                .isEmpty();
        assertThat(marks(key))
                .as("kept until released: a drain that read the fact before it was cleared may still apply it")
                .containsEntry(factKey, 1L);
        counters.applyMany(List.of(new FactDeltas(factKey, 1, List.of(new CounterDelta(key, 1, 1)))))
                .block(WAIT); // that late drain
        assertThat(counters.byId(key.id()).block(WAIT).tally()).isEqualTo(new Tally(1, 1));

        facts.releaseSettled(Duration.ZERO, FactStore.RELEASE_PER_PASS).block(WAIT);
        assertThat(marks(key)).as("released facts leave no mark behind").doesNotContainKey(factKey);
    }

    @Test
    void aCrashAfterTheCounterButBeforeClearingCountsOnceAndThenForgetsTheFact() {
        CounterKey key = key();
        String teacher = "crash-" + UUID.randomUUID();
        String factKey = FactStore.TEACHER_KEY + teacher;
        CounterDelta plusOne = new CounterDelta(key, 1, 1);
        TeacherFact written =
                TeacherFact.empty(teacher).withBookkeeping(1, List.of(new DeltaBatch(1, List.of(plusOne))));
        mongo.insert(TenantScope.system("test"), written).block(WAIT);
        counters.apply("t_other", 1, plusOne).block(WAIT); // another fact on the same counter, still in flight
        counters.apply(factKey, 1, plusOne).block(WAIT); // applied, then the crash: the fact still holds it
        assertThat(marks(key)).containsEntry(factKey, 1L);

        facts.drainLeftovers().block(WAIT);
        facts.releaseSettled(Duration.ZERO, FactStore.RELEASE_PER_PASS).block(WAIT);

        assertThat(counters.byId(key.id()).block(WAIT).tally()).isEqualTo(new Tally(2, 2));
        assertThat(marks(key))
                .as("the drained fact is forgotten, the one in flight is kept")
                .doesNotContainKey(factKey)
                .containsEntry("t_other", 1L);
    }

    @Test
    void aReleasePassTakesAtMostItsShareAndLeavesTheRestForTheNext() {
        CounterKey key = key();
        CounterDelta plusOne = new CounterDelta(key, 1, 1);
        List<String> factKeys = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String teacher = "pass-" + UUID.randomUUID();
            factKeys.add(FactStore.TEACHER_KEY + teacher);
            mongo.insert(
                            TenantScope.system("test"),
                            TeacherFact.empty(teacher).withBookkeeping(1, List.of(new DeltaBatch(1, List.of(plusOne)))))
                    .block(WAIT);
        }
        facts.releaseSettled(Duration.ZERO, Integer.MAX_VALUE).block(WAIT); // what earlier tests left settled
        facts.drainLeftovers().block(WAIT);
        facts.releaseSettled(Duration.ofDays(1), FactStore.RELEASE_PER_PASS).block(WAIT); // none settled long enough
        assertThat(marks(key)).containsKeys(factKeys.toArray(String[]::new));

        assertThat(facts.releaseSettled(Duration.ZERO, 2).block(WAIT)).isEqualTo(2);
        assertThat(factKeys.stream().filter(marks(key)::containsKey))
                .as("the pass stopped at its share")
                .isNotEmpty();
        for (int pass = 0; pass < 10 && facts.releaseSettled(Duration.ZERO, 2).block(WAIT) > 0; pass++) {
            // the next passes take the rest
        }
        assertThat(marks(key)).doesNotContainKeys(factKeys.toArray(String[]::new));
        assertThat(counters.byId(key.id()).block(WAIT).tally()).isEqualTo(new Tally(3, 3));
    }

    @Test
    void aReleaseLeavesANewerMarkAlone() {
        CounterKey key = key();
        CounterDelta plusOne = new CounterDelta(key, 1, 1);
        counters.apply("t_c", 1, plusOne).block(WAIT);
        counters.apply("t_c", 2, plusOne).block(WAIT);
        counters.release("t_c", 1, key).block(WAIT);
        assertThat(marks(key)).containsEntry("t_c", 2L);
        counters.release("t_c", 2, key).block(WAIT);
        assertThat(marks(key)).doesNotContainKey("t_c");
        assertThat(counters.byId(key.id()).block(WAIT).tally()).isEqualTo(new Tally(2, 2));
    }

    @Test
    void manyDeltasOfOneFactVersionApplyOnceInOneGo() {
        CounterKey existing = key();
        CounterKey fresh = key();
        CounterKey done = key();
        counters.apply("t_other", 1, new CounterDelta(existing, 1, 1)).block(WAIT);
        counters.apply("t_d", 3, new CounterDelta(done, 1, 1)).block(WAIT);
        List<CounterDelta> deltas =
                List.of(new CounterDelta(existing, 1, 1), new CounterDelta(fresh, 0, 1), new CounterDelta(done, 5, 5));

        List<CounterKey> touched =
                counters.applyMany(List.of(new FactDeltas("t_d", 3, deltas))).block(WAIT);
        counters.applyMany(List.of(new FactDeltas("t_d", 3, deltas)))
                .block(WAIT); // redone after a crash: nothing changes

        assertThat(touched).containsExactlyInAnyOrder(existing, fresh);
        assertThat(counters.byId(existing.id()).block(WAIT).tally()).isEqualTo(new Tally(2, 2));
        assertThat(counters.byId(fresh.id()).block(WAIT).tally()).isEqualTo(new Tally(0, 1));
        assertThat(counters.byId(done.id()).block(WAIT).tally())
                .as("version 3 was applied to it before")
                .isEqualTo(new Tally(1, 1));
        assertThat(marks(existing)).containsEntry("t_d", 3L).containsEntry("t_other", 1L);

        counters.releaseMany(List.of(new FactRelease("t_d", 3, List.of(existing, fresh, done))))
                .block(WAIT);
        assertThat(marks(existing)).doesNotContainKey("t_d").containsEntry("t_other", 1L);
        assertThat(marks(fresh)).doesNotContainKey("t_d");
        assertThat(marks(done)).doesNotContainKey("t_d");
    }

    @Test
    void theDeltasOfManyFactsAreOneWriteOfTheCounterAndApplyOnce() {
        CounterKey shared = key();
        CounterKey fresh = key();
        counters.apply("t_x", 1, new CounterDelta(shared, 1, 1)).block(WAIT);
        long seqBefore = seq(shared);
        List<FactDeltas> poll = List.of(
                new FactDeltas("t_x", 1, List.of(new CounterDelta(shared, 1, 1))), // applied before
                new FactDeltas("t_x", 2, List.of(new CounterDelta(shared, -1, 0))),
                new FactDeltas("t_y", 1, List.of(new CounterDelta(shared, 1, 1), new CounterDelta(fresh, 1, 1))),
                new FactDeltas("t_z", 4, List.of(new CounterDelta(shared, 0, 1), new CounterDelta(fresh, 0, 1))));

        assertThat(counters.applyMany(poll).block(WAIT)).containsExactlyInAnyOrder(shared, fresh);
        counters.applyMany(poll).block(WAIT); // redone after a crash: nothing changes

        assertThat(counters.byId(shared.id()).block(WAIT).tally()).isEqualTo(new Tally(1, 3));
        assertThat(counters.byId(fresh.id()).block(WAIT).tally()).isEqualTo(new Tally(1, 2));
        assertThat(seq(shared)).as("one write for three facts").isEqualTo(seqBefore + 1);
        assertThat(marks(shared))
                .containsEntry("t_x", 2L)
                .containsEntry("t_y", 1L)
                .containsEntry("t_z", 4L);

        counters.releaseMany(List.of(
                        new FactRelease("t_x", 2, List.of(shared)),
                        new FactRelease("t_y", 1, List.of(shared, fresh)),
                        new FactRelease("t_z", 3, List.of(shared, fresh)))) // older than applied: kept
                .block(WAIT);
        assertThat(marks(shared)).containsOnlyKeys("t_z");
        assertThat(marks(fresh)).containsOnlyKeys("t_z");
        assertThat(seq(shared)).as("one write for the releases").isEqualTo(seqBefore + 2);
        assertThat(counters.byId(shared.id()).block(WAIT).tally()).isEqualTo(new Tally(1, 3));
    }

    private long seq(CounterKey key) {
        return raw.findById(key.id(), Document.class, IndicatorCounter.COLLECTION)
                .block(WAIT)
                .get("seq", Number.class)
                .longValue();
    }

    /** The facts a counter remembers (fact key → applied version). */
    private Map<String, Object> marks(CounterKey key) {
        Document stored = raw.findById(key.id(), Document.class, IndicatorCounter.COLLECTION)
                .block(WAIT);
        Document applied = stored.get("applied", Document.class);
        return applied == null ? Map.of() : applied;
    }

    private static CounterKey key() {
        String municipality = "mun-" + UUID.randomUUID();
        return new CounterKey(
                "DIAGNOSED_SHARE", "2025/2026", ScopeKind.MUNICIPALITY, municipality, "reg-c", municipality, null);
    }
}
