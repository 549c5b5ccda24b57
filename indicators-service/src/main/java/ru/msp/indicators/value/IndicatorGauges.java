package ru.msp.indicators.value;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code msp_indicator_value{municipality, indicator}}: the current school year's value of each indicator of each
 * municipality's programme (NaN while there is nothing to divide by). Bounded: only municipality scope, only the
 * programme's indicators, and at most {@code msp.indicators.metrics.max-series} series (default 8200 = 200
 * municipalities × 41 indicators); series beyond the cap are not created and counted in
 * {@code msp_indicator_gauges_dropped_total}.
 */
@Component
public class IndicatorGauges {

    private final MeterRegistry meters;
    private final int maxSeries;
    private final Map<String, AtomicReference<Double>> series = new ConcurrentHashMap<>();
    private final Counter dropped;

    IndicatorGauges(MeterRegistry meters, @Value("${msp.indicators.metrics.max-series:8200}") int maxSeries) {
        this.meters = meters;
        this.maxSeries = maxSeries;
        this.dropped = Counter.builder("msp_indicator_gauges_dropped_total")
                .description("Indicator values not exposed as gauges because the series cap was reached")
                .register(meters);
    }

    public void set(String municipalityId, String indicatorCode, BigDecimal value) {
        String key = municipalityId + "|" + indicatorCode;
        AtomicReference<Double> holder = series.get(key);
        if (holder == null) {
            if (series.size() >= maxSeries) {
                dropped.increment();
                return;
            }
            holder = series.computeIfAbsent(key, k -> {
                AtomicReference<Double> created = new AtomicReference<>(Double.NaN);
                Gauge.builder("msp_indicator_value", created, AtomicReference::get)
                        .description("Indicator value of a municipality's programme, current school year")
                        .tag("municipality", municipalityId)
                        .tag("indicator", indicatorCode)
                        .register(meters);
                return created;
            });
        }
        holder.set(value == null ? Double.NaN : value.doubleValue());
    }

    int size() {
        return series.size();
    }
}
