package ru.msp.diagnostics.framework;

import java.util.List;
import ru.msp.contracts.CompetencyLevel;

/**
 * The framework as {@code GET /api/competencies} shows it.
 *
 * @param current whether this is the version new results are scored against
 * @param position the position the areas were filtered for, or {@code null} for all of them
 */
public record FrameworkView(
        String version,
        boolean current,
        String position,
        List<LevelView> levels,
        List<PositionView> positions,
        List<AreaView> areas) {

    public record LevelView(CompetencyLevel code, String nameRu, String nameEn) {}

    public record PositionView(String code, String nameRu, String nameEn, boolean managerial) {}

    public record AreaView(
            String code, String nameRu, String nameEn, boolean managerial, List<CompetencyView> competencies) {}

    public record CompetencyView(String code, String nameRu, String nameEn, List<String> positions) {}

    static FrameworkView of(CompetencyFramework framework, boolean current, String position) {
        List<Area> areas = position == null ? framework.areas() : framework.applicableTo(position);
        return new FrameworkView(
                framework.version(),
                current,
                position,
                framework.levels().stream()
                        .map(l -> new LevelView(l.code(), l.nameRu(), l.nameEn()))
                        .toList(),
                framework.positions().stream()
                        .map(p -> new PositionView(p.code(), p.nameRu(), p.nameEn(), p.managerial()))
                        .toList(),
                areas.stream()
                        .map(a -> new AreaView(
                                a.code(),
                                a.nameRu(),
                                a.nameEn(),
                                a.managerial(),
                                a.competencies().stream()
                                        .map(c -> new CompetencyView(c.code(), c.nameRu(), c.nameEn(), c.positions()))
                                        .toList()))
                        .toList());
    }
}
