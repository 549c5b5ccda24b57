package ru.msp.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Maps {@link DomainEvent}s to CloudEvents 1.0 in JSON structured mode and back, with the CloudEvents SDK. The data
 * is written inline as JSON, so any CloudEvents consumer can read the topics.
 */
public final class CloudEventCodec {

    public static final String EXT_REGION = "regionid";
    public static final String EXT_MUNICIPALITY = "municipalityid";
    public static final String EXT_ORGANIZATION = "organizationid";
    public static final String EXT_CORRELATION = "correlationid";
    public static final String EXT_CAUSATION = "causationid";
    public static final String DATA_CONTENT_TYPE = "application/json";

    /**
     * Tolerant reader: unknown fields are ignored so a producer may add fields before every consumer knows them. Dates
     * are ISO-8601 strings.
     */
    private static final ObjectMapper DATA_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private static final EventFormat FORMAT = new JsonFormat();

    private CloudEventCodec() {}

    public static byte[] encode(DomainEvent<?> event) {
        return FORMAT.serialize(toCloudEvent(event));
    }

    public static String encodeToString(DomainEvent<?> event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    public static CloudEvent toCloudEvent(DomainEvent<?> event) {
        byte[] data;
        try {
            data = DATA_MAPPER.writeValueAsBytes(event.data());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + event.type().type(), e);
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withSource(URI.create(event.source()))
                .withType(event.type().type())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withSubject(event.subject())
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(data);
        extension(builder, EXT_REGION, event.scope().regionId());
        extension(builder, EXT_MUNICIPALITY, event.scope().municipalityId());
        extension(builder, EXT_ORGANIZATION, event.scope().organizationId());
        extension(builder, EXT_CORRELATION, event.correlationId());
        extension(builder, EXT_CAUSATION, event.causationId());
        return builder.build();
    }

    public static DomainEvent<?> decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    public static DomainEvent<?> decode(byte[] bytes) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = FORMAT.deserialize(bytes);
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents JSON record: " + e.getMessage(), e);
        }
        return fromCloudEvent(cloudEvent);
    }

    public static DomainEvent<?> fromCloudEvent(CloudEvent cloudEvent) {
        EventType<?> type = EventCatalog.byType(cloudEvent.getType())
                .orElseThrow(() -> new MalformedEventException("unknown event type " + cloudEvent.getType()));
        return bind(cloudEvent, type);
    }

    private static <P extends EventPayload> DomainEvent<P> bind(CloudEvent ce, EventType<P> type) {
        if (ce.getData() == null) {
            throw new MalformedEventException("event " + ce.getId() + " has no data");
        }
        P data;
        try {
            data = DATA_MAPPER.readValue(ce.getData().toBytes(), type.payloadClass());
        } catch (IOException e) {
            throw new MalformedEventException("event " + ce.getId() + " data does not bind to " + type.type(), e);
        }
        if (ce.getTime() == null) {
            throw new MalformedEventException("event " + ce.getId() + " has no time");
        }
        EventScope scope =
                new EventScope(string(ce, EXT_REGION), string(ce, EXT_MUNICIPALITY), string(ce, EXT_ORGANIZATION));
        return new DomainEvent<>(
                ce.getId(),
                ce.getSource().toString(),
                type,
                ce.getTime().toInstant(),
                scope,
                string(ce, EXT_CORRELATION),
                string(ce, EXT_CAUSATION),
                data);
    }

    private static void extension(CloudEventBuilder builder, String name, String value) {
        if (value != null) {
            builder.withExtension(name, value);
        }
    }

    private static String string(CloudEvent ce, String extension) {
        Object value = ce.getExtension(extension);
        return value == null ? null : value.toString();
    }
}
