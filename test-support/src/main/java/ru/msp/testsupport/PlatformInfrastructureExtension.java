package ru.msp.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the shared infrastructure (once per JVM) and points Spring Boot at it and at the test token key. */
public class PlatformInfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        PlatformInfrastructure.Endpoints endpoints = PlatformInfrastructure.start();
        System.setProperty("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        System.setProperty("spring.mongodb.uri", endpoints.mongoUri());
        // WebTestClient waits 5 s by default: too short on a shared 2-core CI machine with a broker and six test
        // JVMs' worth of work; a test class can still set its own with @AutoConfigureWebTestClient(timeout = ...).
        if (System.getProperty("spring.test.webtestclient.timeout") == null) {
            System.setProperty("spring.test.webtestclient.timeout", "PT60S");
        }
        TestTokens.install();
    }
}
