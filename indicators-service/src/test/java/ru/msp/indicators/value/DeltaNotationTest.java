package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import ru.msp.indicators.fact.DeltaBatch;

/** The one-string form of pending counter deltas, alone and through the service's mapping. */
class DeltaNotationTest {

    static final CounterDelta ORGANIZATION = new CounterDelta(
            new CounterKey("DIAGNOSED_SHARE", "2026/2027", ScopeKind.ORGANIZATION, "org-1", "reg-1", "mun-1", "org-1"),
            1,
            -1);
    static final CounterDelta REGION = new CounterDelta(
            new CounterKey("ROUTES_SHARE", "2026/2027", ScopeKind.REGION, "reg-1", "reg-1", null, null), 0, 1);
    /** Region ids are the client's: any character but blank. */
    static final CounterDelta ODD_REGION = new CounterDelta(
            new CounterKey("ROUTES_SHARE", "2026/2027", ScopeKind.REGION, "r|%7C|%25%", "r|%7C|%25%", null, null),
            -3,
            12);

    @Test
    void aDeltaReadsBackEqualWithAbsentPartsAndSeparatorsInIds() {
        for (CounterDelta delta : List.of(ORGANIZATION, REGION, ODD_REGION)) {
            assertThat(DeltaNotation.read(DeltaNotation.write(delta))).isEqualTo(delta);
        }
        assertThat(DeltaNotation.write(REGION)).isEqualTo("0|1|ROUTES_SHARE|2026/2027|REGION|reg-1|reg-1||");
        assertThatThrownBy(() -> DeltaNotation.read("1|2|ROUTES_SHARE")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMappingStoresPendingDeltasAsStringsAndStillReadsTheSubDocumentsWrittenBefore() {
        MongoCustomConversions conversions = new DeltaNotation.Conversions().mongoCustomConversions();
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();

        DeltaBatch batch = new DeltaBatch(4, List.of(ORGANIZATION, REGION));
        Document written = new Document();
        converter.write(batch, written);
        assertThat(written.getList("deltas", Object.class))
                .containsExactly(DeltaNotation.write(ORGANIZATION), DeltaNotation.write(REGION));
        assertThat(converter.read(DeltaBatch.class, written)).isEqualTo(batch);

        // as stored before this form: one sub-document per delta
        Document key = new Document("indicatorCode", "ROUTES_SHARE")
                .append("period", "2026/2027")
                .append("scopeKind", "REGION")
                .append("scopeId", "reg-1")
                .append("regionId", "reg-1");
        Document before = new Document("version", 4L)
                .append(
                        "deltas",
                        List.of(new Document("key", key).append("numerator", 0L).append("denominator", 1L)));
        assertThat(converter.read(DeltaBatch.class, before)).isEqualTo(new DeltaBatch(4, List.of(REGION)));
    }
}
