package ru.msp.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.msp.testsupport.TestTokens;

/**
 * The gateway with default settings in front of five stub services, shared by the test classes that extend this one
 * (one Spring context). Tests that change settings or take a stub away have their own context and stubs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

    static final StubBackends STUBS = StubBackends.start();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        STUBS.register(registry);
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
    }

    @Autowired
    WebTestClient http;

    @BeforeEach
    void forgetStubTraffic() {
        STUBS.reset();
    }

    /** A valid token of a municipal operator with a fresh subject. */
    static String operatorToken() {
        return TestTokens.municipalOperator("region-1", "municipality-1");
    }
}
