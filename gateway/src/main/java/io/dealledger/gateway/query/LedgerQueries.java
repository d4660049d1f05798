package io.dealledger.gateway.query;

import java.time.Duration;

import io.dealledger.gateway.auth.SignedCall;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.http.UpstreamService;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.problem.Refusal;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The read routes, signed like every CRM button and widget call and proxied to ledger-projection-service,
 * which owns the views (docs/architecture.md §2: the one HTTP call between services). While its address is not
 * configured, or it cannot be reached, they answer 503 with a problem body — never a made-up view.
 */
@RestController
public class LedgerQueries {

    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final UpstreamService ledger;
    private final Duration timeout;

    public LedgerQueries(RawBody rawBody, SignedCalls auth, GatewayProperties properties) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.ledger = new UpstreamService("ledger-projection-service", "DEALLEDGER_LEDGER_URL", properties.ledgerUri(),
                properties.maxBodySize());
        this.timeout = properties.ledgerTimeout();
    }

    @GetMapping("/api/v1/invoice-requests/{requestId}")
    public Mono<ResponseEntity<byte[]>> invoiceRequest(@PathVariable String requestId, ServerHttpRequest request) {
        return signed(request).flatMap(call -> {
            if (!requestId.matches(UUID)) {
                throw Refusal.invalid("requestId", "must be a request id as answered by POST …/invoice-requests");
            }
            return call.claimNonce().then(Mono.defer(() -> ledger.get(request, timeoutFor(request))));
        });
    }

    @GetMapping("/api/v1/deals/{dealId}/ledger")
    public Mono<ResponseEntity<byte[]>> ledger(@PathVariable String dealId, ServerHttpRequest request) {
        return signed(request).flatMap(call -> {
            Fields.id("dealId", dealId);
            return call.claimNonce().then(Mono.defer(() -> ledger.get(request, timeoutFor(request))));
        });
    }

    /** The account's roll-up of its deals' ledgers (AccountLedger view), per currency. */
    @GetMapping("/api/v1/accounts/{accountId}/ledger")
    public Mono<ResponseEntity<byte[]>> accountLedger(@PathVariable String accountId, ServerHttpRequest request) {
        return signed(request).flatMap(call -> {
            Fields.id("accountId", accountId);
            return call.claimNonce().then(Mono.defer(() -> ledger.get(request, timeoutFor(request))));
        });
    }

    @GetMapping("/api/v1/deals/{dealId}/invoice-candidates")
    public Mono<ResponseEntity<byte[]>> invoiceCandidates(@PathVariable String dealId, ServerHttpRequest request) {
        return signed(request).flatMap(call -> {
            Fields.id("dealId", dealId);
            return call.claimNonce().then(Mono.defer(() -> ledger.get(request, timeoutFor(request))));
        });
    }

    private Mono<SignedCall> signed(ServerHttpRequest request) {
        return rawBody.read(request).map(body -> auth.crm(request, body));
    }

    /** A long-poll ({@code waitSeconds}, at most 30) may hold the answer that long, plus the usual timeout. */
    Duration timeoutFor(ServerHttpRequest request) {
        String wait = request.getQueryParams().getFirst("waitSeconds");
        if (wait == null || !wait.matches("[0-9]{1,2}")) {
            return timeout;
        }
        return timeout.plusSeconds(Math.min(Integer.parseInt(wait), 30));
    }
}
