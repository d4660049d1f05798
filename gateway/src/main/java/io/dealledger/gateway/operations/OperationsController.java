package io.dealledger.gateway.operations;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The operators' runs of other services, reached through the gateway so that they need the operator signature:
 * payment-service's backfill of a Books organization and ledger-projection-service's reconciliation. Those
 * services answer on their own ports without authentication, so their ports stay inside the deployment's network
 * (docker-compose publishes only the gateway; bin/dealledger binds them to 127.0.0.1).
 */
@RestController
public class OperationsController {

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final UpstreamService payments;
    private final UpstreamService ledger;
    private final Duration paymentTimeout;
    private final Duration reconciliationTimeout;

    public OperationsController(RawBody rawBody, SignedCalls auth, GatewayProperties properties) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.payments = new UpstreamService("payment-service", "DEALLEDGER_PAYMENT_SERVICE_URL",
                properties.paymentServiceUri(), properties.maxBodySize());
        this.ledger = new UpstreamService("ledger-projection-service", "DEALLEDGER_LEDGER_URL", properties.ledgerUri(),
                properties.maxBodySize());
        this.paymentTimeout = properties.paymentServiceTimeout();
        this.reconciliationTimeout = properties.reconciliationTimeout();
    }

    /** Starts (or resumes) importing the organization's Books history; 202 with the run's status. */
    @PostMapping("/api/v1/backfill/organizations/{organizationId}")
    public Mono<ResponseEntity<byte[]>> startBackfill(@PathVariable String organizationId, ServerHttpRequest request) {
        return emptyOperatorCall(request).flatMap(call -> {
            Fields.id("organizationId", organizationId);
            noQuery(request);
            return call.claimNonce().then(Mono.defer(() -> payments.post(request, new byte[0], paymentTimeout)));
        });
    }

    /** The organization's backfill status. */
    @GetMapping("/api/v1/backfill/organizations/{organizationId}")
    public Mono<ResponseEntity<byte[]>> backfill(@PathVariable String organizationId, ServerHttpRequest request) {
        return emptyOperatorCall(request).flatMap(call -> {
            Fields.id("organizationId", organizationId);
            noQuery(request);
            return call.claimNonce().then(Mono.defer(() -> payments.get(request, paymentTimeout)));
        });
    }

    /** Runs a reconciliation ({@code ?rewrite=true} repairs drifted CRM fields) and answers when it is done. */
    @PostMapping("/api/v1/reconciliations")
    public Mono<ResponseEntity<byte[]>> reconcile(ServerHttpRequest request) {
        return emptyOperatorCall(request).flatMap(call -> {
            String query = request.getURI().getRawQuery();
            if (query != null && !query.equals("rewrite=true") && !query.equals("rewrite=false")) {
                throw Refusal.invalid("rewrite", "is the only parameter: ?rewrite=true or ?rewrite=false");
            }
            return call.claimNonce().then(Mono.defer(() -> ledger.post(request, new byte[0], reconciliationTimeout)));
        });
    }

    private Mono<SignedCall> emptyOperatorCall(ServerHttpRequest request) {
        return rawBody.readJson(request).map(body -> {
            SignedCall call = auth.operator(request, body);
            if (body.length > 0) {
                throw Refusal.invalid("body", "must be empty");
            }
            return call;
        });
    }

    private static void noQuery(ServerHttpRequest request) {
        if (request.getURI().getRawQuery() != null) {
            throw Refusal.invalid("query", "this route takes no parameters");
        }
    }
}
