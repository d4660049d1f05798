package io.dealledger.gateway.invoicerequest;

import java.net.URI;
import java.time.Clock;

import io.dealledger.events.InvoiceRequested;
import io.dealledger.gateway.auth.SignedCall;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.idempotency.IdempotencyKeys;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/deals/{dealId}/invoice-requests}: a signed CRM button call asking for an invoice,
 * published as {@code InvoiceRequested} on invoice.requests.v1 (keyed by deal id) before the 202.
 */
@RestController
public class InvoiceRequestController {

    /** The 202 answer: where to follow the request. */
    public record Accepted(String requestId, String status, String statusUrl) {
    }

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final IdempotencyKeys idempotencyKeys;
    private final EventPublisher publisher;
    private final Clock clock;

    public InvoiceRequestController(RawBody rawBody, SignedCalls auth, IdempotencyKeys idempotencyKeys,
                                    EventPublisher publisher, Clock clock) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.idempotencyKeys = idempotencyKeys;
        this.publisher = publisher;
        this.clock = clock;
    }

    @PostMapping("/api/v1/deals/{dealId}/invoice-requests")
    public Mono<ResponseEntity<Accepted>> request(@PathVariable String dealId, ServerHttpRequest request) {
        return rawBody.readJson(request).flatMap(body -> {
            SignedCall call = auth.crm(request, body);
            Fields.id("dealId", dealId);
            String key = IdempotencyKeys.checkKey(request.getHeaders().getFirst(IdempotencyKeys.HEADER));
            InvoiceRequestBody asked = InvoiceRequestBody.parse(body);
            return call.claimNonce().then(Mono.defer(() -> publish(dealId, key, asked)));
        });
    }

    private Mono<ResponseEntity<Accepted>> publish(String dealId, String key, InvoiceRequestBody asked) {
        String requestId = IdempotencyKeys.requestId("InvoiceRequested", dealId, key);
        IdempotencyKeys.Claim claim = key == null ? IdempotencyKeys.Claim.NEW
                : idempotencyKeys.claim(dealId, key, asked.fingerprint());
        InvoiceRequested event = InvoiceRequested.newBuilder()
                .setEventId(EventIds.derive("InvoiceRequested", requestId))
                .setOccurredAt(clock.instant())
                .setSource("crm")
                .setRequestId(requestId)
                .setDealId(dealId)
                .setStage(asked.stage() == null ? null : asked.stage().toEvent())
                .setRequestedBy(asked.requestedBy())
                .build();
        // A replay is published again with the same event and request id: if the first answer was lost
        // after Kafka stored it, downstream dedups; if it was never stored, this stores it.
        return publisher.publish(Topics.INVOICE_REQUESTS, dealId, event)
                .doOnError(e -> {
                    if (key != null && claim == IdempotencyKeys.Claim.NEW) {
                        idempotencyKeys.release(dealId, key, asked.fingerprint());
                    }
                })
                .then(Mono.fromSupplier(() -> {
                    String statusUrl = "/api/v1/invoice-requests/" + requestId;
                    ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().location(URI.create(statusUrl));
                    if (claim == IdempotencyKeys.Claim.REPLAY) {
                        accepted.header("Idempotent-Replayed", "true");
                    }
                    return accepted.body(new Accepted(requestId, "accepted", statusUrl));
                }));
    }
}
