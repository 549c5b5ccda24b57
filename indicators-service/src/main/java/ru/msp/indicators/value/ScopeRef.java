package ru.msp.indicators.value;

import java.util.List;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;

/** A scope as the API writes it: {@code region:ID}, {@code municipality:ID} or {@code organization:ID}. */
public record ScopeRef(ScopeKind kind, String id) {

    public static ScopeRef parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RequestRejectedException.invalid(List.of(FieldProblem.of(field, "required")));
        }
        int colon = text.indexOf(':');
        String id = colon < 0 ? "" : text.substring(colon + 1).strip();
        ScopeKind kind = switch (colon < 0 ? "" : text.substring(0, colon)) {
            case "region" -> ScopeKind.REGION;
            case "municipality" -> ScopeKind.MUNICIPALITY;
            case "organization" -> ScopeKind.ORGANIZATION;
            default -> null;
        };
        if (kind == null || id.isEmpty()) {
            throw RequestRejectedException.invalid(
                    List.of(new FieldProblem(field, "write region:ID, municipality:ID or organization:ID", text)));
        }
        return new ScopeRef(kind, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
