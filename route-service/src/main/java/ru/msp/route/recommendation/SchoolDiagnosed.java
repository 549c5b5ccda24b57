package ru.msp.route.recommendation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;

/**
 * A school whose staff had diagnoses in one poll, with the period they belong to and the latest of them (which the
 * school's recommendation names as its cause).
 */
public record SchoolDiagnosed(String organizationId, String period, String correlationId, String causationId) {

    /** The distinct (school, period) pairs of the diagnoses, each with its last diagnosis in the order given. */
    public static List<SchoolDiagnosed> of(List<DomainEvent<?>> events) {
        Map<Key, SchoolDiagnosed> schools = new LinkedHashMap<>();
        for (DomainEvent<?> event : events) {
            if (event.data() instanceof DiagnosticCompleted result
                    && event.scope() != null
                    && event.scope().organizationId() != null) {
                String organizationId = event.scope().organizationId();
                // a null period falls back to the current school year when the recommendation is issued
                Key key = new Key(organizationId, result.period());
                schools.remove(key); // the latest diagnosis of the school goes last, as it came
                schools.put(
                        key, new SchoolDiagnosed(organizationId, result.period(), event.correlationId(), event.id()));
            }
        }
        return List.copyOf(schools.values());
    }

    private record Key(String organizationId, String period) {}
}
