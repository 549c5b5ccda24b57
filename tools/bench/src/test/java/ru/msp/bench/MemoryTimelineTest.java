package ru.msp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryTimelineTest {

    @Test
    void growthIsMeasuredFromTheMiddleSampleSoAHeapFillingAtStartDoesNotCountAsALeak() {
        MemoryTimeline timeline = new MemoryTimeline(Map::of);
        timeline.add(new MemoryTimeline.Sample(0, Map.of("mongo", 300L, "route", 150L)));
        timeline.add(new MemoryTimeline.Sample(60, Map.of("mongo", 900L, "route", 250L)));
        timeline.add(new MemoryTimeline.Sample(120, Map.of("mongo", 1000L, "route", 260L)));
        timeline.add(new MemoryTimeline.Sample(180, Map.of("mongo", 1010L, "route", 255L)));
        timeline.add(new MemoryTimeline.Sample(240, Map.of("mongo", 1030L, "route", 250L)));

        Map<String, Object> report = timeline.report();

        @SuppressWarnings("unchecked")
        Map<String, Object> growth = (Map<String, Object>) report.get("secondHalfGrowth");
        assertThat(growth)
                .containsEntry("fromSecond", 120L)
                .containsEntry("toSecond", 240L)
                .containsEntry("totalMiB", 20L)
                .containsEntry("totalMiBPerMinute", 10.0)
                .containsEntry("perProcessMiB", Map.of("mongo", 30L, "route", -10L));
        assertThat((List<?>) report.get("samples")).hasSize(5);
        assertThat(((List<?>) report.get("samples")).get(1))
                .isEqualTo(Map.of("seconds", 60L, "totalMiB", 1150L, "mongo", 900L, "route", 250L));
    }

    @Test
    void tooFewSamplesGiveNoVerdict() {
        MemoryTimeline timeline = new MemoryTimeline(Map::of);
        timeline.add(new MemoryTimeline.Sample(0, Map.of("mongo", 300L)));
        timeline.add(new MemoryTimeline.Sample(10, Map.of("mongo", 320L)));

        assertThat(timeline.report()).containsOnlyKeys("samples");
    }

    @Test
    void samplesTheProcessesUntilStopped() throws InterruptedException {
        long[] reads = new long[1];
        MemoryTimeline timeline = new MemoryTimeline(() -> Map.of("mongo", 100L + reads[0]++));
        timeline.start(1);
        Thread.sleep(2_200);
        timeline.stop();
        int taken = ((List<?>) timeline.report().get("samples")).size();
        Thread.sleep(1_200);

        assertThat(taken).isBetween(3, 5);
        assertThat((List<?>) timeline.report().get("samples")).hasSize(taken);
    }
}
