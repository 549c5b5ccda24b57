package ru.msp.indicators.value;

import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.annotation.Id;
import ru.msp.support.tenancy.TenantFields;

/**
 * A counter's bookkeeping only, read with a projection: its {@code seq} and the applied versions of the facts asked
 * for. Read from the stored document by hand ({@link #of}): the projected field is a map entry.
 */
@org.springframework.data.mongodb.core.mapping.Document(IndicatorCounter.COLLECTION)
@TenantFields(teacher = "")
record CounterMark(@Id String id, Long seq, Map<String, Long> applied) {

    static CounterMark of(Document stored) {
        Map<String, Long> versions = new HashMap<>();
        Document applied = stored.get(IndicatorCounter.APPLIED, Document.class);
        if (applied != null) {
            applied.forEach((fact, version) -> versions.put(fact, ((Number) version).longValue()));
        }
        Object seq = stored.get("seq");
        return new CounterMark(stored.getString("_id"), seq == null ? null : ((Number) seq).longValue(), versions);
    }

    /** The fact's version this counter has applied, or null. */
    Long versionOf(String factKey) {
        return applied == null ? null : applied.get(factKey);
    }

    /** Whether the fact's delta of this version (or a newer one) is in the counter already. */
    boolean hasApplied(String factKey, long version) {
        Long applied = versionOf(factKey);
        return applied != null && applied >= version;
    }

    /** Whether the counter holds the fact's mark of {@code upToVersion} or older, to be released. */
    boolean releasable(String factKey, long upToVersion) {
        Long applied = versionOf(factKey);
        return applied != null && applied <= upToVersion && seq != null;
    }
}
