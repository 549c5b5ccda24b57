package ru.msp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** One service's {@code /actuator/prometheus} text, and the samples the report needs from it. */
record PrometheusScrape(String text) {

    static PrometheusScrape of(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new PrometheusScrape(response.statusCode() == 200 ? response.body() : "");
        } catch (IOException e) {
            return new PrometheusScrape("");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrometheusScrape("");
        }
    }

    /** The sum of every series of {@code metric} whose labels contain {@code labelFragment} (may be empty). */
    OptionalDouble sum(String metric, String labelFragment) {
        return samples(metric, labelFragment).reduce(Double::sum);
    }

    /** The largest sample of {@code metric} (for {@code _max} gauges, which must not be added up). */
    OptionalDouble max(String metric, String labelFragment) {
        return samples(metric, labelFragment).max();
    }

    private java.util.stream.DoubleStream samples(String metric, String labelFragment) {
        java.util.stream.DoubleStream.Builder samples = java.util.stream.DoubleStream.builder();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            String rest = line.substring(metric.length());
            if (!(rest.startsWith("{") || rest.startsWith(" "))) {
                continue; // another metric with this one's name as prefix
            }
            if (!labelFragment.isEmpty() && !rest.contains(labelFragment)) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            try {
                double value = Double.parseDouble(parts[parts.length - 1]);
                if (!Double.isNaN(value)) {
                    samples.add(value);
                }
            } catch (NumberFormatException e) {
                // not a plain sample: skipped
            }
        }
        return samples.build();
    }
}
