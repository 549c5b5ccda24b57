package ru.msp.indicators.value;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;

/**
 * A counter: an indicator's numerator and denominator for one scope and school year. The stored document also holds
 * {@code applied}: fact document key → last version whose delta was applied here, so a delta is never applied twice;
 * reads leave it out.
 */
@Document(IndicatorCounter.COLLECTION)
@TenantFields(teacher = "")
public record IndicatorCounter(
        @Id String id,
        String indicatorCode,
        String period,
        ScopeKind scopeKind,
        String scopeId,
        String regionId,
        String municipalityId,
        String organizationId,
        long numerator,
        long denominator,
        Instant updatedAt) {

    public static final String COLLECTION = "indicator_counters";
    static final String APPLIED = "applied";

    public Tally tally() {
        return new Tally(numerator, denominator);
    }
}
