package ru.msp.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against the gateway, as a school system or the dashboard calls it. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            // HTTP/1.1: no h2c upgrade attempt on plain http (one such request hung until its timeout once)
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String base;

    record Answer(int status, String contentType, JsonNode body, String raw) {}

    Api(String base) {
        this.base = base;
    }

    Answer get(String token, String path) {
        return send(token, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String token, String path, String json) {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(String token, String path, String contentType, String body) {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer patch(String token, String path, String json) {
        return send(
                token,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(String token, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException timedOut) {
                if (!built.method().equals("GET")) {
                    throw timedOut;
                }
                // Seen twice after the browser test: one GET hanging on a pooled connection while curl against the
                // same gateway answered at once. A read is safe to repeat; the repeat must then succeed.
                System.out.println("e2e: " + built.uri() + " timed out, repeating once on a new request");
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            }
            String raw = response.body();
            JsonNode body = null;
            try {
                body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            } catch (IOException notJson) {
                // some answers (errors of intermediaries) are not JSON; the raw text is kept
            }
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body,
                    raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
