package ru.msp.support.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.connection.TransportSettings;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the reactive MongoDB driver its asynchronous-socket transport (the driver's own default) instead of the Netty
 * one Spring Boot picks whenever Netty is on the classpath, which WebFlux always puts there. The driver's Netty
 * buffers take every byte of a command through several wrappers and checks: encoding the writes was ~19% of
 * indicators-service's CPU and ~16% of route-service's in profiles of a 4,000-result run, decoding another ~5-11%.
 * Boot leaves the transport alone when the {@link MongoClientSettings} bean has one, so the bean gets one here; a
 * transport set elsewhere is kept.
 */
public final class DriverTransport implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MongoClientSettings settings && settings.getTransportSettings() == null) {
            return withAsyncTransport(settings);
        }
        return bean;
    }

    static MongoClientSettings withAsyncTransport(MongoClientSettings settings) {
        return MongoClientSettings.builder(settings)
                .transportSettings(TransportSettings.asyncBuilder().build())
                .build();
    }
}
