package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.AsyncTransportSettings;
import com.mongodb.connection.NettyTransportSettings;
import com.mongodb.connection.TransportSettings;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import ru.msp.support.store.DriverTransport;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The services' driver talks to the store over its own socket transport, not Boot's Netty one. */
@WithPlatformInfrastructure
@SpringBootTest(classes = KitTestApplication.class)
class DriverTransportTest {

    @Autowired
    MongoClientSettings settings;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theDriverUsesTheAsynchronousSocketTransportAndStillReachesTheStore() {
        assertThat(settings.getTransportSettings()).isInstanceOf(AsyncTransportSettings.class);

        // a document larger than one of the transport's buffers goes there and back intact
        String id = UUID.randomUUID().toString();
        String text = "методист ".repeat(20_000);
        mongo.insert(new Document("_id", id).append("text", text), "driver_transport")
                .block(Duration.ofSeconds(30));
        Document read = mongo.findById(id, Document.class, "driver_transport").block(Duration.ofSeconds(30));

        assertThat(read).isNotNull();
        assertThat(read.getString("text")).isEqualTo(text);
    }

    @Test
    void aTransportChosenElsewhereIsKept() {
        MongoClientSettings netty = MongoClientSettings.builder()
                .transportSettings(TransportSettings.nettyBuilder().build())
                .build();

        Object processed = new DriverTransport().postProcessAfterInitialization(netty, "mongoClientSettings");

        assertThat(processed).isSameAs(netty);
        assertThat(((MongoClientSettings) processed).getTransportSettings()).isInstanceOf(NettyTransportSettings.class);
    }
}
