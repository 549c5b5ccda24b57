package ru.msp.indicators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The project's {@code shared/} folder (design and seed documents), found beside the checkout when it is there. Tests
 * that read it hold only where it is; everything they guard is also pinned by tests that do not need it.
 */
public final class SharedFolder {

    private SharedFolder() {}

    public static Optional<Path> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path shared = dir.resolve("shared");
            if (Files.isRegularFile(shared.resolve("DESIGN.md")) && Files.isDirectory(shared.resolve("seeds"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }
}
