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
        TestTokens.install();
    }
}
