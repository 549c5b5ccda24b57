package ru.msp.diagnostics.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every framework version shipped in {@code framework/framework-<version>.json}, read once at start-up. Older versions
 * stay readable because results and routes name the version they were scored against.
 */
@Service
public class FrameworkCatalog {

    private static final Logger log = LoggerFactory.getLogger(FrameworkCatalog.class);
    static final String LOCATION = "classpath*:framework/framework-*.json";

    private final Map<String, CompetencyFramework> versions;
    private final CompetencyFramework current;

    FrameworkCatalog(FrameworkProperties properties) throws IOException {
        String currentVersion = properties.currentVersion();
        Map<String, CompetencyFramework> byVersion = new TreeMap<>();
        for (CompetencyFramework framework : readAll()) {
            if (byVersion.putIfAbsent(framework.version(), framework) != null) {
                throw new IllegalStateException("Competency framework " + framework.version() + " is shipped twice");
            }
        }
        this.versions = Map.copyOf(byVersion);
        this.current = Optional.ofNullable(currentVersion)
                .map(versions::get)
                .orElseThrow(() -> new IllegalStateException("msp.diagnostics.framework.current-version '"
                        + currentVersion + "' is not one of the shipped versions " + byVersion.keySet()));
        log.info("Competency framework versions {} loaded; current {}", byVersion.keySet(), current.version());
    }

    public CompetencyFramework current() {
        return current;
    }

    public Optional<CompetencyFramework> version(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    private static List<CompetencyFramework> readAll() throws IOException {
        FrameworkReader reader = new FrameworkReader();
        List<CompetencyFramework> frameworks = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            String name = resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                CompetencyFramework framework = reader.read(in, name);
                // The file name is how people find a version; it must not disagree with the content.
                if (!("framework-" + framework.version() + ".json").equals(name)) {
                    throw new InvalidFrameworkException(
                            name, List.of("declares version " + framework.version() + " but is not named so"));
                }
                frameworks.add(framework);
            }
        }
        return frameworks;
    }
}
