package io.dealledger.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP with JSON, as a CRM button, a Books user or an operator would call dealledger and Zoho. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    record Answer(int status, JsonNode body, String raw) {
        Answer expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    /** HTTP/1.1, as the services and Zoho's APIs speak it (no h2c upgrade attempted on each new connection). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * One call. A read that gets no answer within 15 s is sent again (twice at most), as an idempotent read may be:
     * on the loaded local stack a GET on a kept-alive connection was seen to get no answer at all, while the server
     * logged nothing for it and answered the same read at once on a new attempt. Writes are never sent twice, nor is
     * a signed call (its nonce is spent: the gateway would refuse it as a replay, as it must).
     */
    Answer send(String method, String url, String body, Map<String, String> headers) {
        boolean read = "GET".equals(method) && !headers.containsKey("X-Dealledger-Signature");
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(method, url, body, headers, read ? Duration.ofSeconds(15) : Duration.ofSeconds(45));
            } catch (HttpTimeoutException e) {
                if (!read || attempt == 3) {
                    throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
                }
                System.err.printf("%s %s got no answer in 15 s; sending it again%n", method, url);
            }
        }
    }

    private Answer sendOnce(String method, String url, String body, Map<String, String> headers, Duration timeout)
            throws HttpTimeoutException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isBlank() ? JSON.createObjectNode() : parse(raw);
            return new Answer(response.statusCode(), json, raw);
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode().put("text", raw);
        }
    }
}
