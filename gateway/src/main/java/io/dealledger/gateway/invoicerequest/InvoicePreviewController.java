package io.dealledger.gateway.invoicerequest;

import java.time.Duration;

import io.dealledger.gateway.auth.SignedCall;
import io.dealledger.gateway.auth.SignedCalls;
import io.dealledger.gateway.config.GatewayProperties;
import io.dealledger.gateway.http.RawBody;
import io.dealledger.gateway.http.UpstreamService;
import io.dealledger.gateway.json.Fields;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/deals/{dealId}/invoice-previews}: what an invoice request with this body would push to
 * Books (customer, items, tax, totals, or the reasons it would be rejected), answered by invoice-service,
 * which alone knows how a deal becomes an invoice. Signed and validated exactly like an invoice request, then
 * forwarded with the raw body unchanged; it publishes nothing and needs no Idempotency-Key.
 */
@RestController
public class InvoicePreviewController {

    private final RawBody rawBody;
    private final SignedCalls auth;
    private final UpstreamService invoiceService;
    private final Duration timeout;

    public InvoicePreviewController(RawBody rawBody, SignedCalls auth, GatewayProperties properties) {
        this.rawBody = rawBody;
        this.auth = auth;
        this.invoiceService = new UpstreamService("invoice-service", "DEALLEDGER_INVOICE_SERVICE_URL",
                properties.invoiceServiceUri(), properties.maxBodySize());
        this.timeout = properties.invoiceServiceTimeout();
    }

    @PostMapping("/api/v1/deals/{dealId}/invoice-previews")
    public Mono<ResponseEntity<byte[]>> preview(@PathVariable String dealId, ServerHttpRequest request) {
        return rawBody.readJson(request).flatMap(body -> {
            SignedCall call = auth.crm(request, body);
            Fields.id("dealId", dealId);
            InvoiceRequestBody.parse(body);
            return call.claimNonce().then(Mono.defer(() -> invoiceService.post(request, body, timeout)));
        });
    }
}
