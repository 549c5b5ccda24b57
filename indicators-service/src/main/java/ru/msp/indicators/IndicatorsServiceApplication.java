package ru.msp.indicators;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Indicators: the catalogue, the municipalities' programmes and targets, indicator values and monitoring snapshots. */
@SpringBootApplication
public class IndicatorsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorsServiceApplication.class, args);
    }
}
