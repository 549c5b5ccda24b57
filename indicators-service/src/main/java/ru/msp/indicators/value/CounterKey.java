package ru.msp.indicators.value;

/**
 * One counter: an indicator in a school year for one scope, with the tenant fields of that scope.
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
        return code + "|" + period + "|" + kind + "|" + scopeId;
    }
}
