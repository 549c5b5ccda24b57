package ru.msp.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real Kafka broker and a MongoDB endpoint, started once per test JVM and shared by every class
 * that carries this annotation. Spring Boot tests pick them up through {@code spring.kafka.bootstrap-servers} and
 * {@code spring.mongodb.uri}, set as system properties before the application context starts.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PlatformInfrastructureExtension.class)
public @interface WithPlatformInfrastructure {}
