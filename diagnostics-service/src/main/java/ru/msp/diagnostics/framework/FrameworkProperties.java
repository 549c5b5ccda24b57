package ru.msp.diagnostics.framework;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param currentVersion the framework version answered and scored against when a request names none */
@ConfigurationProperties("msp.diagnostics.framework")
public record FrameworkProperties(String currentVersion) {}
