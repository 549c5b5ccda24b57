package ru.msp.indicators.catalogue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    @Bean
    IndicatorCatalogue indicatorCatalogue() {
        return IndicatorCatalogue.fromClasspath();
    }
}
