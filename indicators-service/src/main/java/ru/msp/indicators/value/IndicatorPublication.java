package ru.msp.indicators.value;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.outbox.OutboxCollection;
import ru.msp.support.outbox.PendingEvent;
import ru.msp.support.tenancy.TenantFields;

/** The outbox of a municipality's {@code IndicatorValueChanged} events (one document per municipality). */
@Document(IndicatorPublication.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record IndicatorPublication(@Id String id, String regionId, String municipalityId, List<PendingEvent> outbox) {

    public static final String COLLECTION = "indicator_publications";

    @Configuration(proxyBeanMethods = false)
    static class PublicationOutbox {
        @Bean
        OutboxCollection indicatorPublicationsOutbox() {
            return new OutboxCollection(COLLECTION);
        }
    }
}
