package ru.msp.indicators.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.msp.contracts.DomainEvent;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.value.CounterKey;
import ru.msp.indicators.value.CounterStore;
import ru.msp.indicators.value.IndicatorCounter;
import ru.msp.indicators.value.IndicatorRules;
import ru.msp.indicators.value.Recompute;
import ru.msp.indicators.value.Tally;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * Generated histories (hundreds of teachers, every topic) applied through the real feed and store: once in order, and
 * once shuffled with duplicates. The counters kept incrementally must equal each other, the sums over the final facts,
 * and what a full recompute writes.
 */
@WithPlatformInfrastructure
@SpringBootTest
class IncrementalEqualsRecomputeTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    FactFeed feed;

    @Autowired
    FactStore facts;

    @Autowired
    CounterStore counters;

    @Autowired
    Recompute recompute;

    @Test
    void shuffledAndRepeatedEventsGiveTheCountersOfTheOrderedOnesAndOfARecompute() {
        SchoolYear year = facts.horizon();
        String run = UUID.randomUUID().toString().substring(0, 8);
        GeneratedEvents ordered = new GeneratedEvents(42, "a" + run + "-", year, 200, 3, 4);
        GeneratedEvents shuffled = new GeneratedEvents(42, "b" + run + "-", year, 200, 3, 4);
        apply(ordered.events);
        List<DomainEvent<?>> seen = shuffled.shuffled(7);
        assertThat(seen.size()).isGreaterThan(shuffled.events.size());
        apply(seen);

        Map<String, Tally> incremental = counters(ordered);
        assertThat(incremental).isNotEmpty();
        assertThat(counters(shuffled)).isEqualTo(incremental);
        assertThat(sumOfFacts(ordered, year)).isEqualTo(incremental);
        assertThat(sumOfFacts(shuffled, year)).isEqualTo(incremental);

        // a recompute from the facts writes the same figures
        recompute.rebuild(ordered.region, null).block(WAIT);
        assertThat(counters(ordered)).isEqualTo(incremental);
        recompute.rebuild(shuffled.region, shuffled.mun(1)).block(WAIT);
        assertThat(counters(shuffled)).isEqualTo(incremental);

        // the same events shuffled again, applied as the listener does: facts event by event, counters once per poll
        GeneratedEvents polled = new GeneratedEvents(42, "c" + run + "-", year, 200, 3, 4);
        List<DomainEvent<?>> polls = polled.shuffled(11);
        FactsToDrain first = new FactsToDrain();
        polls.subList(0, 50)
                .forEach(e -> feed.apply(e).contextWrite(first::into).block(WAIT));
        facts.drainLeftovers().block(WAIT);
        assertThat(counters.within(polled.region, null).collectList().block(WAIT))
                .as("nothing counted before the poll's drain, not even by the leftover sweep")
                .isEmpty();
        facts.drain(first).block(WAIT);
        assertThat(counters(polled)).isNotEmpty();
        for (int from = 50; from < polls.size(); from += 50) {
            FactsToDrain changed = new FactsToDrain();
            polls.subList(from, Math.min(polls.size(), from + 50))
                    .forEach(e -> feed.apply(e).contextWrite(changed::into).block(WAIT));
            facts.drain(changed).block(WAIT);
        }
        assertThat(counters(polled)).isEqualTo(incremental);
        assertThat(sumOfFacts(polled, year)).isEqualTo(incremental);

        // the population is there: nearly all 200 teachers counted region-wide (a few departed on 1 September)
        Tally teachers = incremental.get("DIAGNOSED_SHARE|" + year + "|REGION|reg");
        assertThat(teachers.denominator()).isBetween(150L, 200L);
        assertThat(teachers.numerator()).isPositive();
    }

    private void apply(List<DomainEvent<?>> events) {
        for (DomainEvent<?> e : events) {
            feed.apply(e).block(WAIT);
        }
    }

    /** Non-zero counters of a generated region, with the run's prefix taken out of their ids. */
    private Map<String, Tally> counters(GeneratedEvents generated) {
        Map<String, Tally> found = new TreeMap<>();
        for (IndicatorCounter c :
                counters.within(generated.region, null).collectList().block(WAIT)) {
            if (!c.tally().isZero()) {
                found.put(c.id().replace(generated.prefix, ""), c.tally());
            }
        }
        return found;
    }

    private Map<String, Tally> sumOfFacts(GeneratedEvents generated, SchoolYear year) {
        Map<CounterKey, Tally> totals = new java.util.LinkedHashMap<>();
        facts.teachersWithin(generated.region, null)
                .doOnNext(t -> IndicatorRules.addAll(totals, IndicatorRules.of(t, year)))
                .blockLast(WAIT);
        facts.organizationsWithin(generated.region, null)
                .doOnNext(o -> IndicatorRules.addAll(totals, IndicatorRules.of(o, year)))
                .blockLast(WAIT);
        Map<String, Tally> sums = new TreeMap<>();
        totals.forEach((k, v) -> {
            if (!v.isZero()) {
                sums.put(k.id().replace(generated.prefix, ""), v);
            }
        });
        return sums;
    }
}
