package ru.msp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusScrapeTest {

    private static final PrometheusScrape SCRAPE = new PrometheusScrape("""
            # HELP msp_routes_suggested_total Routes suggested
            # TYPE msp_routes_suggested_total counter
            msp_routes_suggested_total{application="route-service",kind="new"} 12.0
            msp_routes_suggested_total{application="route-service",kind="updated"} 3.0
            msp_routes_suggested_total_created 1.7E9
            msp_event_to_indicator_seconds_max{topic="diagnostics.v1"} 0.25
            msp_event_to_indicator_seconds_max{topic="teacher.v1"} NaN
            """);

    @Test
    void sumsEverySeriesOfAMetricButNotMetricsThatMerelyShareItsPrefix() {
        assertThat(SCRAPE.sum("msp_routes_suggested_total", "")).hasValue(15.0);
        assertThat(SCRAPE.sum("msp_routes_suggested_total", "kind=\"new\"")).hasValue(12.0);
    }

    @Test
    void skipsNotANumberAndAnswersEmptyForAnAbsentMetric() {
        assertThat(SCRAPE.sum("msp_event_to_indicator_seconds_max", "")).hasValue(0.25);
        assertThat(SCRAPE.max("msp_routes_suggested_total", "")).hasValue(12.0);
        assertThat(SCRAPE.sum("msp_nothing_total", "")).isEmpty();
    }
}
