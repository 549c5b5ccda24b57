package ru.msp.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void rejectsRecordsThatAreNotCloudEvents() {
        assertThatThrownBy(() -> CloudEventCodec.decode("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.decode("{\"hello\":1}")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void rejectsUnknownTypes() {
        String json = CloudEventCodec.encodeToString(EventSamples.all().get(EventCatalog.ROUTE_COMPLETED))
                .replace("ru.msp.routes.RouteCompleted.v1", "ru.msp.routes.RouteTeleported.v1");
        assertThatThrownBy(() -> CloudEventCodec.decode(json))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("RouteTeleported");
    }

    @Test
    void toleratesFieldsAddedByANewerProducer() {
        String json = CloudEventCodec.encodeToString(EventSamples.all().get(EventCatalog.ROUTE_COMPLETED))
                .replace("\"routeId\"", "\"addedLater\":42,\"routeId\"");
        assertThat(CloudEventCodec.decode(json).data())
                .isEqualTo(EventSamples.all().get(EventCatalog.ROUTE_COMPLETED).data());
    }
}
