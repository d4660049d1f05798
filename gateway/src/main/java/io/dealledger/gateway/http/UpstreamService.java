package io.dealledger.gateway.http;

import java.net.URI;
import java.time.Duration;

import io.dealledger.gateway.problem.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A dealledger service the gateway forwards an already authenticated and validated call to, on the same
 * path and query (docs/architecture.md §2: the only HTTP calls between services). Its JSON answer is passed through
 * with its status, problems included (an upstream 503 keeps its reason, failure category and {@code Retry-After});
 * while its address is not configured, when it cannot be reached in time, or when it fails without a JSON
 * body (a proxy's error page, a crash), the caller gets the gateway's 503 problem — never a made-up answer.
 */
public final class UpstreamService {

    private final String name;
    private final String variable;
    private final URI baseUrl;
    private final WebClient client;

    /**
     * @param name        the service, as the problems name it (e.g. ledger-projection-service)
     * @param variable    the environment variable that configures its address, named while it is missing
     * @param baseUrl     its base URL; null while not configured
     * @param maxBodySize the gateway's request limit; answers may be 16 times larger
     */
    public UpstreamService(String name, String variable, URI baseUrl, DataSize maxBodySize) {
        this.name = name;
        this.variable = variable;
        this.baseUrl = baseUrl;
        // built here: Boot's WebClient auto-configuration (spring-boot-webclient) is not on Maven Central
        this.client = WebClient.builder().codecs(codecs -> codecs.defaultCodecs()
                .maxInMemorySize((int) maxBodySize.toBytes() * 16)).build();
    }

    /** Forwards a GET with the request's path and query. */
    public Mono<ResponseEntity<byte[]>> get(ServerHttpRequest request, Duration timeout) {
        return forward(HttpMethod.GET, request, null, timeout);
    }

    /** Forwards a POST with the request's path and query and {@code body}, byte for byte, as JSON. */
    public Mono<ResponseEntity<byte[]>> post(ServerHttpRequest request, byte[] body, Duration timeout) {
        return forward(HttpMethod.POST, request, body, timeout);
    }

    private Mono<ResponseEntity<byte[]>> forward(HttpMethod method, ServerHttpRequest request, byte[] body,
                                                 Duration timeout) {
        if (baseUrl == null) {
            return Mono.error(Refusal.unavailable(name + " is not configured on this gateway (" + variable
                    + "); this route is not served yet", null));
        }
        String query = request.getURI().getRawQuery();
        URI target = URI.create(baseUrl + request.getURI().getRawPath() + (query == null ? "" : "?" + query));
        WebClient.RequestBodySpec call = client.method(method).uri(target)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        WebClient.RequestHeadersSpec<?> sent = body == null ? call
                : call.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return sent.exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(answer -> {
                            MediaType type = response.headers().contentType().orElse(null);
                            boolean json = type != null && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                                    || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                            if (response.statusCode().is5xxServerError() && (!json || answer.length == 0)) {
                                // not the service's own words (a proxy's error page, a crash): ours, retryable
                                throw Refusal.unavailable(name + " answered " + response.statusCode().value()
                                        + "; retry later", null);
                            }
                            HttpHeaders headers = new HttpHeaders();
                            if (type != null) {
                                headers.setContentType(type);
                            }
                            response.headers().header(HttpHeaders.RETRY_AFTER).stream().findFirst()
                                    .ifPresent(retryAfter -> headers.set(HttpHeaders.RETRY_AFTER, retryAfter));
                            return ResponseEntity.status(response.statusCode()).headers(headers).body(answer);
                        }))
                .timeout(timeout)
                .onErrorMap(e -> !(e instanceof Refusal),
                        e -> Refusal.unavailable(name + " cannot be reached; retry later", e));
    }
}
