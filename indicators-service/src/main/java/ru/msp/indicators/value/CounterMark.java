package ru.msp.indicators.value;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;

/** A counter's bookkeeping only, read with a projection: its {@code seq} and one fact's applied version. */
@Document(IndicatorCounter.COLLECTION)
@TenantFields(teacher = "")
record CounterMark(@Id String id, Long seq, Map<String, Long> applied) {}
