package io.dealledger.gateway.invoicelink;

import java.time.Clock;
import java.util.function.Function;

import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.gateway.auth.SignedCall;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.idempotency.IdempotencyKeys;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.gateway.publish.EventPublisher;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Topics;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Signed widget calls that tie a Books invoice to a deal or untie it: {@code InvoiceLinkRequested} /
 * {@code InvoiceUnlinkRequested} on invoice.links.v1, keyed by invoice id, before the 202.
 */
@RestController
public class InvoiceLinkController {

    /** The 202 answer. */
    public record Accepted(String requestId, String status) {
    }

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final IdempotencyKeys idempotencyKeys;
    private final EventPublisher publisher;
    private final Clock clock;
    private final String defaultOrganizationId;

    public InvoiceLinkController(RawBody rawBody, SignedCalls auth, IdempotencyKeys idempotencyKeys,
                                 EventPublisher publisher, Clock clock, GatewayProperties properties) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.idempotencyKeys = idempotencyKeys;
        this.publisher = publisher;
        this.clock = clock;
        this.defaultOrganizationId = properties.defaultOrganizationId();
    }

    @PostMapping("/api/v1/deals/{dealId}/invoice-links")
    public Mono<ResponseEntity<Accepted>> link(@PathVariable String dealId, ServerHttpRequest request) {
        return rawBody.readJson(request).flatMap(body -> {
            SignedCall call = auth.crm(request, body);
            Fields.id("dealId", dealId);
            LinkRequestBody asked = LinkRequestBody.parse(body, defaultOrganizationId);
            return accept(call, request, "InvoiceLinkRequested", dealId, asked, requestId -> InvoiceLinkRequested.newBuilder()
                    .setEventId(EventIds.derive("InvoiceLinkRequested", requestId))
                    .setOccurredAt(clock.instant())
                    .setSource("crm")
                    .setOrganizationId(asked.organizationId())
                    .setRequestId(requestId)
                    .setInvoiceId(asked.invoiceId())
                    .setDealId(dealId)
                    .setRequestedBy(asked.requestedBy())
                    .build());
        });
    }

    /** The body is empty (and signed as such); the organization comes from {@code ?organizationId=} or the default. */
    @DeleteMapping("/api/v1/deals/{dealId}/invoice-links/{invoiceId}")
    public Mono<ResponseEntity<Accepted>> unlink(@PathVariable String dealId, @PathVariable String invoiceId,
                                                 ServerHttpRequest request) {
        return rawBody.read(request).flatMap(body -> {
            SignedCall call = auth.crm(request, body);
            Fields.id("dealId", dealId);
            Fields.id("invoiceId", invoiceId);
            if (body.length > 0) {
                throw Refusal.invalid("body", "must be empty; name the organization with ?organizationId=");
            }
            String given = request.getQueryParams().getFirst("organizationId");
            String organizationId = LinkRequestBody.organization(
                    given == null || given.isBlank() ? null : Fields.id("organizationId", given), defaultOrganizationId);
            LinkRequestBody asked = new LinkRequestBody(invoiceId, organizationId, null);
            return accept(call, request, "InvoiceUnlinkRequested", dealId, asked, requestId -> InvoiceUnlinkRequested.newBuilder()
                    .setEventId(EventIds.derive("InvoiceUnlinkRequested", requestId))
                    .setOccurredAt(clock.instant())
                    .setSource("crm")
                    .setOrganizationId(organizationId)
                    .setRequestId(requestId)
                    .setInvoiceId(invoiceId)
                    .setDealId(dealId)
                    .build());
        });
    }

    private Mono<ResponseEntity<Accepted>> accept(SignedCall call, ServerHttpRequest request, String type,
                                                  String dealId, LinkRequestBody asked,
                                                  Function<String, SpecificRecord> event) {
        String key = IdempotencyKeys.checkKey(request.getHeaders().getFirst(IdempotencyKeys.HEADER));
        return call.claimNonce().then(Mono.defer(() -> publish(type, dealId, key, asked, event)));
    }

    private Mono<ResponseEntity<Accepted>> publish(String type, String dealId, String key, LinkRequestBody asked,
                                                   Function<String, SpecificRecord> event) {
        String scope = type + '|' + dealId;
        String requestId = IdempotencyKeys.requestId(type, dealId, key);
        IdempotencyKeys.Claim claim = key == null ? IdempotencyKeys.Claim.NEW
                : idempotencyKeys.claim(scope, key, asked.fingerprint());
        return publisher.publish(Topics.INVOICE_LINKS, asked.invoiceId(), event.apply(requestId))
                .doOnError(e -> {
                    if (key != null && claim == IdempotencyKeys.Claim.NEW) {
                        idempotencyKeys.release(scope, key, asked.fingerprint());
                    }
                })
                .thenReturn(ResponseEntity.accepted().body(new Accepted(requestId, "accepted")));
    }
}
