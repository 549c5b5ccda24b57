package ru.msp.indicators.value;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * A counter as stored, with its bookkeeping: {@code applied} (fact key → last applied version) and {@code seq}
 * (raised by every write: the guard of the next one). The index on {@code _id} and {@code seq} lets the embedded
 * mongo-java-server find a guarded write by index (it uses an index only when the query's fields are exactly the
 * index's); real MongoDB uses {@code _id} anyway.
 */
@Document(IndicatorCounter.COLLECTION)
@CompoundIndex(name = "id_seq", def = "{'_id': 1, 'seq': 1}", unique = true)
// the counters of a scope (dashboards, API reads: scopeKind, scopeId $in, period); without it every read scanned all
// counters, which grow with schools x indicators x school years
@CompoundIndex(name = "scopeId", def = "{'scopeId': 1}")
@TenantFields(teacher = "")
record CounterDocument(
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
        Instant updatedAt,
        long seq,
        Map<String, Long> applied)
        implements TenantOwned {

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, organizationId, null);
    }
}
