package ru.msp.diagnostics.framework;

import java.util.List;

/**
 * One competency of the framework.
 *
 * @param code stable upper-snake code that events, routes and indicators refer to, e.g. {@code ASSESSMENT}
 * @param positions codes of the positions it is measured for, in the framework's order
 */
public record Competency(String code, String nameRu, String nameEn, List<String> positions) {

    public Competency {
        positions = List.copyOf(positions);
    }

    public boolean appliesTo(String position) {
        return positions.contains(position);
    }
}
