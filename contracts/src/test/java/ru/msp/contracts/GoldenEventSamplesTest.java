package ru.msp.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event type has a golden CloudEvent JSON file. A change to a payload that would break a consumer (rename,
 * removal, type change) fails here; an intended change regenerates the files with {@code -Dgolden.update=true} and
 * shows up in review.
 */
class GoldenEventSamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<EventType<?>, DomainEvent<?>> SAMPLES = EventSamples.all();

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.ALL.stream();
    }

    @Test
    void everyCatalogTypeHasASampleAndTypesAreUnique() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.ALL);
        assertThat(EventCatalog.ALL.stream().map(EventType::type).distinct()).hasSameSizeAs(EventCatalog.ALL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void encodingMatchesTheGoldenFile(EventType<?> type) throws IOException {
        String encoded = CloudEventCodec.encodeToString(SAMPLES.get(type));
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/golden", type.type() + ".json");
            Files.writeString(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(encoded)) + "\n");
        }
        assertThat(JSON.readTree(encoded)).isEqualTo(golden(type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void theGoldenFileDecodesToTheSample(EventType<?> type) throws IOException {
        DomainEvent<?> decoded = CloudEventCodec.decode(JSON.writeValueAsBytes(golden(type)));
        assertThat(decoded).isEqualTo(SAMPLES.get(type));
    }

    @Test
    void goldenFilesAreStructuredCloudEventsWithTheDesignExtensions() throws IOException {
        JsonNode node = golden(EventCatalog.DIAGNOSTIC_COMPLETED);
        assertThat(node.get("specversion").asText()).isEqualTo("1.0");
        assertThat(node.get("subject").asText()).isEqualTo(EventSamples.TEACHER);
        assertThat(node.get("municipalityid").asText()).isEqualTo(EventSamples.MUNICIPALITY);
        assertThat(node.get("data").isObject())
                .as("data inline as JSON, not base64")
                .isTrue();
        assertThat(node.get("data").has("aggregateId")).isFalse();
    }

    private static JsonNode golden(EventType<?> type) throws IOException {
        String resource = "/golden/" + type.type() + ".json";
        try (InputStream in = GoldenEventSamplesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
