package io.dealledger.gateway.query;

import java.net.URI;
import java.time.Duration;

import io.dealledger.gateway.auth.CrmSignature;
import io.dealledger.gateway.auth.RequestAuthentication;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The read routes, signed like every CRM button and widget call and proxied to ledger-projection-service,
 * which owns the views (design.md §2: the one HTTP call between services). While its address is not
 * configured, or it cannot be reached, they answer 503 with a problem body — never a made-up view.
 */
@RestController
public class LedgerQueries {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final RawBody rawBody;
    private final RequestAuthentication auth;
    private final URI ledgerUrl;
    private final Duration timeout;
    private final WebClient client;

    public LedgerQueries(RawBody rawBody, RequestAuthentication auth, GatewayProperties properties) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.ledgerUrl = properties.ledgerUri();
        this.timeout = properties.ledgerTimeout();
        // built here: Boot's WebClient auto-configuration (spring-boot-webclient) is not on Maven Central
        this.client = WebClient.builder().codecs(codecs -> codecs.defaultCodecs()
                .maxInMemorySize((int) properties.maxBodySize().toBytes() * 16)).build();
    }

    @GetMapping("/api/v1/invoice-requests/{requestId}")
    public Mono<ResponseEntity<byte[]>> invoiceRequest(@PathVariable String requestId, ServerHttpRequest request) {
        return signed(request).then(Mono.defer(() -> {
            if (!requestId.matches(UUID)) {
                throw Refusal.invalid("requestId", "must be a request id as answered by POST …/invoice-requests");
            }
            return proxy(request);
        }));
    }

    @GetMapping("/api/v1/deals/{dealId}/ledger")
    public Mono<ResponseEntity<byte[]>> ledger(@PathVariable String dealId, ServerHttpRequest request) {
        return signed(request).then(Mono.defer(() -> {
            Fields.id("dealId", dealId);
            return proxy(request);
        }));
    }

    @GetMapping("/api/v1/deals/{dealId}/invoice-candidates")
    public Mono<ResponseEntity<byte[]>> invoiceCandidates(@PathVariable String dealId, ServerHttpRequest request) {
        return signed(request).then(Mono.defer(() -> {
            Fields.id("dealId", dealId);
            return proxy(request);
        }));
    }

    private Mono<Void> signed(ServerHttpRequest request) {
        return rawBody.read(request)
                .doOnNext(body -> auth.crmCall(request.getHeaders().getFirst(CrmSignature.HEADER), body))
                .then();
    }

    /** A long-poll ({@code waitSeconds}, at most 30) may hold the answer that long, plus the usual timeout. */
    Duration timeoutFor(ServerHttpRequest request) {
        String wait = request.getQueryParams().getFirst("waitSeconds");
        if (wait == null || !wait.matches("[0-9]{1,2}")) {
            return timeout;
        }
        return timeout.plusSeconds(Math.min(Integer.parseInt(wait), 30));
    }

    private Mono<ResponseEntity<byte[]>> proxy(ServerHttpRequest request) {
        if (ledgerUrl == null) {
            return Mono.error(Refusal.unavailable("ledger-projection-service is not configured on this gateway"
                    + " (DEALLEDGER_LEDGER_URL); the read routes are not served yet", null));
        }
        String query = request.getURI().getRawQuery();
        URI target = URI.create(ledgerUrl + request.getURI().getRawPath() + (query == null ? "" : "?" + query));
        return client.get().uri(target).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchangeToMono(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .map(body -> {
                            if (response.statusCode().is5xxServerError()) {
                                throw Refusal.unavailable("ledger-projection-service answered "
                                        + response.statusCode().value(), null);
                            }
                            HttpHeaders headers = new HttpHeaders();
                            response.headers().contentType().ifPresent(headers::setContentType);
                            return ResponseEntity.status(response.statusCode()).headers(headers).body(body);
                        }))
                .timeout(timeoutFor(request))
                .onErrorMap(e -> !(e instanceof Refusal),
                        e -> Refusal.unavailable("ledger-projection-service cannot be reached; retry later", e));
    }
}
