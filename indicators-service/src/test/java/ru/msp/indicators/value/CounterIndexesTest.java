package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The counters a scope reads are found by index, not by reading every counter. */
@WithPlatformInfrastructure
@SpringBootTest
class CounterIndexesTest {

    @Autowired
    ReactiveMongoTemplate raw;

    @Test
    void theCountersOfAScopeHaveAnIndexOnTheScope() {
        List<IndexInfo> indexes = raw.indexOps(IndicatorCounter.COLLECTION)
                .getIndexInfo()
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(indexes)
                .anySatisfy(index ->
                        assertThat(index.isIndexForFields(List.of("scopeId"))).isTrue());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.isIndexForFields(List.of("_id", "seq"))).isTrue();
            assertThat(index.isUnique()).isTrue();
        });
    }
}
