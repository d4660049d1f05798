package io.dealledger.emulator.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain java.net.http client speaking to the emulator the way Zoho's clients do. */
public final class ZohoHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String token;

    public ZohoHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public ZohoHttp withToken(String accessToken) {
        this.token = accessToken;
        return this;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response send(String method, String path, String body, String... headers) {
        return sendAsync(method, path, body, Duration.ofSeconds(20), headers).join();
    }

    public CompletableFuture<Response> sendAsync(String method, String path, String body, Duration timeout, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean contentTypeGiven = java.util.stream.IntStream.iterate(0, i -> i < headers.length, i -> i + 2)
                .anyMatch(i -> headers[i].equalsIgnoreCase("Content-Type"));
        if (body != null && !contentTypeGiven) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Zoho-oauthtoken " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
    }
}
