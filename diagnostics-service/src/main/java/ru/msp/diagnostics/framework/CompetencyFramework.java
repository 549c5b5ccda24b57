package ru.msp.diagnostics.framework;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import ru.msp.contracts.CompetencyLevel;

/**
 * One version of the competency framework: positions, levels, areas and their competencies. Immutable and checked
 * when built, so every result scored against it refers to codes that exist and mean one thing.
 */
public final class CompetencyFramework {

    private static final Pattern VERSION = Pattern.compile("\\d{4}\\.\\d+");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final String version;
    private final List<LevelLabel> levels;
    private final List<Position> positions;
    private final List<Area> areas;
    private final Map<String, Position> positionsByCode = new LinkedHashMap<>();
    private final Map<String, Competency> competenciesByCode = new LinkedHashMap<>();

    /** @throws InvalidFrameworkException listing every problem found, not only the first */
    public CompetencyFramework(String version, List<LevelLabel> levels, List<Position> positions, List<Area> areas) {
        this.version = version;
        this.levels = List.copyOf(levels);
        this.positions = List.copyOf(positions);
        this.areas = List.copyOf(areas);
        this.positions.forEach(p -> positionsByCode.putIfAbsent(p.code(), p));
        this.areas.stream()
                .flatMap(a -> a.competencies().stream())
                .forEach(c -> competenciesByCode.putIfAbsent(c.code(), c));
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidFrameworkException(version == null ? "(no version)" : version, problems);
        }
    }

    public String version() {
        return version;
    }

    public List<LevelLabel> levels() {
        return levels;
    }

    public List<Position> positions() {
        return positions;
    }

    public List<Area> areas() {
        return areas;
    }

    public Optional<Position> position(String code) {
        return Optional.ofNullable(positionsByCode.get(code));
    }

    public Optional<Competency> competency(String code) {
        return Optional.ofNullable(competenciesByCode.get(code));
    }

    public List<Competency> competencies() {
        return List.copyOf(competenciesByCode.values());
    }

    /** The areas as a person in this position sees them: only applicable competencies, areas left empty dropped. */
    public List<Area> applicableTo(String position) {
        List<Area> applicable = new ArrayList<>();
        for (Area area : areas) {
            List<Competency> competencies = area.competencies().stream()
                    .filter(c -> c.appliesTo(position))
                    .toList();
            if (!competencies.isEmpty()) {
                applicable.add(new Area(area.code(), area.nameRu(), area.nameEn(), area.managerial(), competencies));
            }
        }
        return applicable;
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add("version '" + version + "' must look like 2025.1");
        }
        checkLevels(problems);
        checkPositions(problems);
        checkAreas(problems);
        return problems;
    }

    private void checkLevels(List<String> problems) {
        Set<CompetencyLevel> named = EnumSet.noneOf(CompetencyLevel.class);
        for (LevelLabel level : levels) {
            if (level.code() == null || !named.add(level.code())) {
                problems.add("level " + level.code() + " is missing its code or named twice");
            }
            checkNames("level " + level.code(), level.nameRu(), level.nameEn(), problems);
        }
        if (!named.equals(EnumSet.allOf(CompetencyLevel.class))) {
            problems.add("levels must name each of " + Arrays.toString(CompetencyLevel.values()));
        }
    }

    private void checkPositions(List<String> problems) {
        if (positions.isEmpty()) {
            problems.add("no positions");
        }
        Set<String> seen = new HashSet<>();
        for (Position position : positions) {
            checkCode("position", position.code(), seen, problems);
            checkNames("position " + position.code(), position.nameRu(), position.nameEn(), problems);
        }
    }

    private void checkAreas(List<String> problems) {
        if (areas.isEmpty()) {
            problems.add("no areas");
        }
        // Area and competency codes share one namespace: a code in a route or an indicator must never be ambiguous.
        Set<String> codes = new HashSet<>();
        Map<String, Integer> competenciesPerPosition = new HashMap<>();
        for (Area area : areas) {
            checkCode("area", area.code(), codes, problems);
            checkNames("area " + area.code(), area.nameRu(), area.nameEn(), problems);
            if (area.competencies().isEmpty()) {
                problems.add("area " + area.code() + " has no competencies");
            }
            for (Competency competency : area.competencies()) {
                checkCode("competency", competency.code(), codes, problems);
                checkNames("competency " + competency.code(), competency.nameRu(), competency.nameEn(), problems);
                checkApplicability(area, competency, problems);
                competency.positions().forEach(p -> competenciesPerPosition.merge(p, 1, Integer::sum));
            }
        }
        for (Position position : positions) {
            if (!competenciesPerPosition.containsKey(position.code())) {
                problems.add("position " + position.code() + " has no competency to be diagnosed on");
            }
        }
    }

    private void checkApplicability(Area area, Competency competency, List<String> problems) {
        if (competency.positions().isEmpty()) {
            problems.add("competency " + competency.code() + " applies to no position");
        }
        if (new HashSet<>(competency.positions()).size()
                != competency.positions().size()) {
            problems.add("competency " + competency.code() + " lists a position twice");
        }
        for (String code : competency.positions()) {
            Position position = positionsByCode.get(code);
            if (position == null) {
                problems.add("competency " + competency.code() + " names unknown position " + code);
            } else if (area.managerial() && !position.managerial()) {
                // A management gap of the school must never be scored as a teacher's own deficit.
                problems.add("management competency " + competency.code()
                        + " must not apply to non-management position " + code);
            }
        }
    }

    private static void checkCode(String what, String code, Set<String> seen, List<String> problems) {
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(what + " code '" + code + "' must be UPPER_SNAKE_CASE");
        } else if (!seen.add(code)) {
            problems.add(what + " code " + code + " is used twice");
        }
    }

    private static void checkNames(String what, String nameRu, String nameEn, List<String> problems) {
        if (nameRu == null || nameRu.isBlank()) {
            problems.add(what + " has no nameRu");
        }
        if (nameEn == null || nameEn.isBlank()) {
            problems.add(what + " has no nameEn");
        }
    }
}
