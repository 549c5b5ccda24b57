package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.teacher.RegionRegistered;
import ru.msp.infra.kafka.KraftBrokerProcess;
import ru.msp.support.kit.KitTestApplication.Effect;
import ru.msp.support.kit.KitTestApplication.RegionAggregate;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.testsupport.WithPlatformInfrastructure;

/**
 * The broker goes away between the write and the publish: the event waits in the document and, once the broker is
 * back, arrives and is applied exactly once. Uses its own real broker in a child JVM, since it stops it; MongoDB is
 * the shared endpoint.
 */
@WithPlatformInfrastructure
@SpringBootTest(
        classes = KitTestApplication.class,
        properties = {"msp.outbox.sweep-interval=500ms", "spring.kafka.consumer.group-id=outage-test"})
class OutboxSurvivesBrokerOutageTest {

    static final KraftBrokerProcess BROKER = startBroker();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void anEventWrittenWhileTheBrokerIsDownArrivesOnceAfterItReturns() {
        // the context is up and connected; now the broker dies
        BROKER.stop();
        assertThat(BROKER.isRunning()).isFalse();

        String regionId = "reg-" + UUID.randomUUID();
        DomainEvent<RegionRegistered> event = MessagingKitTest.regionRegistered(regionId);
        mongo.save(new RegionAggregate(regionId, "Тюменская область", Outbox.with(List.of(), event)))
                .block();
        relay.nudge(KitTestApplication.AGGREGATES, regionId);

        // several relay passes fail meanwhile; the event stays in the document
        await().during(Duration.ofSeconds(8))
                .atMost(Duration.ofSeconds(12))
                .untilAsserted(() -> assertThat(mongo.findById(regionId, RegionAggregate.class)
                                .block()
                                .outbox())
                        .extracting(p -> p.eventId())
                        .containsExactly(event.id()));
        assertThat(mongo.findById(regionId, Effect.class).blockOptional()).isEmpty();

        BROKER.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(mongo.findById(regionId, Effect.class).blockOptional())
                                .hasValueSatisfying(
                                        effect -> assertThat(effect.applied()).isEqualTo(1)));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(mongo.findById(regionId, RegionAggregate.class)
                                .block()
                                .outbox())
                        .isEmpty());
        // and it stays applied once: later sweeps do not send it again
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(
                                mongo.findById(regionId, Effect.class).block().applied())
                        .isEqualTo(1));
    }

    private static KraftBrokerProcess startBroker() {
        try {
            Path dir = Files.createTempDirectory("msp-outage-broker");
            KraftBrokerProcess broker = KraftBrokerProcess.create(dir, freePort(), freePort());
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
