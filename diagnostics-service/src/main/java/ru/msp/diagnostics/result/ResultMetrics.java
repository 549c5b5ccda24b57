package ru.msp.diagnostics.result;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** {@code msp_diagnostic_results_total{outcome=accepted|unchanged|rejected, channel=single|import}}. */
@Component
class ResultMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ResultMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ResultDecision.Outcome outcome, String channel) {
        String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        counters.computeIfAbsent(
                        outcomeTag + "/" + channel,
                        k -> Counter.builder("msp.diagnostic.results")
                                .description("Diagnostic results submitted, by what became of them")
                                .tag("outcome", outcomeTag)
                                .tag("channel", channel)
                                .register(registry))
                .increment();
    }
}
