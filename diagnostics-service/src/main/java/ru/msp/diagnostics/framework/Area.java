package ru.msp.diagnostics.framework;

import java.util.List;

/**
 * A group of related competencies, e.g. functional literacy.
 *
 * @param managerial its competencies are management ones and apply to management positions only
 */
public record Area(String code, String nameRu, String nameEn, boolean managerial, List<Competency> competencies) {

    public Area {
        competencies = List.copyOf(competencies);
    }
}
