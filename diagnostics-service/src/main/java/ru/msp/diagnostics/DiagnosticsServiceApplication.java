package ru.msp.diagnostics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Diagnostics: the competency framework, diagnostic campaigns, results per teacher and the deficits they reveal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DiagnosticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiagnosticsServiceApplication.class, args);
    }
}
