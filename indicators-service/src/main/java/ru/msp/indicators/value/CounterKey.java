package ru.msp.indicators.value;

import java.util.Objects;

/**
 * One counter: an indicator in a school year for one scope, with the tenant fields of that scope.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a teacher's change puts ~100 keys into hash maps several
 * times over, and the record's generated ones (method handles, slow on the services' C1-compiled code) were ~5% of
 * indicators-service's CPU in a profile of a 4,000-result run. They compare all components, as a record's would.
 *
 * @param period a school year, {@code 2025/2026}
 */
public record CounterKey(
        String indicatorCode,
        String period,
        ScopeKind scopeKind,
        String scopeId,
        String regionId,
        String municipalityId,
        String organizationId) {

    public String id() {
        return idOf(indicatorCode, period, scopeKind, scopeId);
    }

    public static String idOf(String code, String period, ScopeKind kind, String scopeId) {
        String kindName = String.valueOf(kind);
        return new StringBuilder(length(code) + length(period) + kindName.length() + length(scopeId) + 3)
                .append(code)
                .append('|')
                .append(period)
                .append('|')
                .append(kindName)
                .append('|')
                .append(scopeId)
                .toString();
    }

    private static int length(String part) {
        return part == null ? 4 : part.length();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof CounterKey key
                        && scopeKind == key.scopeKind
                        && Objects.equals(scopeId, key.scopeId)
                        && Objects.equals(indicatorCode, key.indicatorCode)
                        && Objects.equals(period, key.period)
                        && Objects.equals(regionId, key.regionId)
                        && Objects.equals(municipalityId, key.municipalityId)
                        && Objects.equals(organizationId, key.organizationId);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(indicatorCode);
        hash = 31 * hash + Objects.hashCode(period);
        hash = 31 * hash + Objects.hashCode(scopeKind);
        hash = 31 * hash + Objects.hashCode(scopeId);
        hash = 31 * hash + Objects.hashCode(regionId);
        hash = 31 * hash + Objects.hashCode(municipalityId);
        return 31 * hash + Objects.hashCode(organizationId);
    }
}
