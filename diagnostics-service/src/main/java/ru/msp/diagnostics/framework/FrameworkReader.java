package ru.msp.diagnostics.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import ru.msp.contracts.CompetencyLevel;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a framework version from its JSON file ({@code framework/framework-<version>.json}). The file format is kept
 * apart from the domain records so that editorial fields ({@code notes}, a competency's {@code note}) stay in the
 * file.
 */
public final class FrameworkReader {

    // Unknown properties fail: a misspelt "positons" must not silently make a competency apply to nobody.
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public CompetencyFramework read(InputStream in, String origin) {
        FrameworkFile file;
        try {
            file = json.readValue(in, FrameworkFile.class);
        } catch (JacksonException e) {
            throw new InvalidFrameworkException(origin, List.of(e.getOriginalMessage()));
        }
        return file.toFramework(origin);
    }

    /** Reads a file from the classpath, e.g. {@code framework/framework-2025.1.json}. */
    public CompetencyFramework readResource(String name) {
        try (InputStream in = FrameworkReader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidFrameworkException(name, List.of("no such resource"));
            }
            return read(in, name);
        } catch (IOException e) {
            throw new InvalidFrameworkException(name, List.of(e.getMessage()));
        }
    }

    record FrameworkFile(
            String version,
            List<String> notes,
            List<LevelEntry> levels,
            List<PositionEntry> positions,
            List<AreaEntry> areas) {

        CompetencyFramework toFramework(String origin) {
            if (levels == null || positions == null || areas == null) {
                throw new InvalidFrameworkException(origin, List.of("levels, positions and areas are all required"));
            }
            return new CompetencyFramework(
                    version,
                    levels.stream()
                            .map(l -> new LevelLabel(l.code(), l.nameRu(), l.nameEn()))
                            .toList(),
                    positions.stream()
                            .map(p -> new Position(p.code(), p.nameRu(), p.nameEn(), required(p.managerial(), origin)))
                            .toList(),
                    areas.stream().map(a -> a.toArea(origin)).toList());
        }
    }

    record LevelEntry(CompetencyLevel code, String nameRu, String nameEn) {}

    // managerial is a Boolean so that a forgotten flag is an error, not a silent "false".
    record PositionEntry(String code, String nameRu, String nameEn, Boolean managerial) {}

    record AreaEntry(
            String code, String nameRu, String nameEn, Boolean managerial, List<CompetencyEntry> competencies) {

        Area toArea(String origin) {
            List<Competency> list = competencies == null
                    ? List.of()
                    : competencies.stream()
                            .map(c -> new Competency(
                                    c.code(),
                                    c.nameRu(),
                                    c.nameEn(),
                                    c.positions() == null
                                            ? List.of()
                                            : c.positions().stream()
                                                    .map(p -> Objects.requireNonNullElse(p, ""))
                                                    .toList()))
                            .toList();
            return new Area(code, nameRu, nameEn, required(managerial, origin), list);
        }
    }

    record CompetencyEntry(String code, String nameRu, String nameEn, List<String> positions, String note) {}

    private static boolean required(Boolean managerial, String origin) {
        if (managerial == null) {
            throw new InvalidFrameworkException(
                    origin, List.of("every position and area must say managerial: true|false"));
        }
        return managerial;
    }
}
