package ru.msp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * JSON over HTTP to the gateway with a bearer token, as a school system posts. Writes carry an
 * {@code Idempotency-Key} derived from what they post, so a retried or re-run load applies nothing twice.
 */
public final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status and body (null when empty or not JSON). */
    public record Answer(int status, JsonNode body, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A write the platform refused (a problem the loader cannot recover from). */
    public static final class RejectedException extends RuntimeException {
        RejectedException(String what, Answer answer) {
            super(what + " answered " + answer.status() + ": " + abbreviate(answer.raw()));
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String base;
    private final String token;

    public GatewayClient(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, Object body) {
        return postRaw(path, "application/json", write(body));
    }

    public Answer put(String path, Object body) {
        String json = write(body);
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key("PUT", path, json))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer patch(String path, Object body) {
        String json = write(body);
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key("PATCH", path, json))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer postRaw(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", key("POST", path, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A 2xx answer's body, or {@link RejectedException}. */
    public JsonNode expectOk(String what, Answer answer) {
        if (!answer.ok()) {
            throw new RejectedException(what, answer);
        }
        return answer.body();
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        IOException last = null;
        // The gateway may still be warming up a route right after 'up': a few retries with the same key are safe.
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
                if ((response.statusCode() == 502 || response.statusCode() == 503) && attempt < 5) {
                    sleep(attempt);
                    continue;
                }
                String raw = response.body();
                JsonNode body = null;
                try {
                    body = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
                } catch (IOException notJson) {
                    // kept raw (e.g. CSV or an intermediary's error page)
                }
                return new Answer(response.statusCode(), body, raw);
            } catch (IOException e) {
                last = e;
                sleep(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + last, last);
    }

    private static String key(String method, String path, String body) {
        return "demo-" + UUID.nameUUIDFromBytes((method + " " + path + "\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON text of a body (an NDJSON line). */
    public static String json(Object body) {
        return write(body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 600 ? raw.substring(0, 600) + "…" : raw;
    }
}
