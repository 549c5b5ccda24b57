package ru.msp.indicators.programme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.msp.indicators.catalogue.IndicatorCatalogue;

@Configuration(proxyBeanMethods = false)
class PresetConfiguration {

    @Bean
    ProgrammePresets programmePresets(IndicatorCatalogue catalogue) {
        return ProgrammePresets.fromClasspath(catalogue);
    }
}
