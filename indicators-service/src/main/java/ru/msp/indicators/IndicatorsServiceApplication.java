package ru.msp.indicators;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Indicators: the catalogue, the municipalities' programmes and targets, indicator values and monitoring snapshots. */
@SpringBootApplication
@EnableScheduling
public class IndicatorsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorsServiceApplication.class, args);
    }

    /** The wall clock: which school year is current, when a value changed. Tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
