package io.dealledger.ledger.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Lookup;
import io.dealledger.ledger.query.LedgerStores.Unavailable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/invoices/{organizationId}/{invoiceId}/ledger?at=<instant>}: one invoice's view as it stood at
 * an instant (the projection's internal JSON of it), for the instance computing a deal's as-of ledger when another
 * instance owns the invoice. Between instances only: the gateway does not proxy it. 404 for an invoice without facts.
 */
@RestController
public class InvoiceLedgerController {

    private final InvoicesAt invoices;
    private final Forwarder forwarder;

    public InvoiceLedgerController(InvoicesAt invoices, Forwarder forwarder) {
        this.invoices = invoices;
        this.forwarder = forwarder;
    }

    @GetMapping(InvoicesAt.PATH)
    public Mono<ResponseEntity<Object>> ledger(@PathVariable String organizationId, @PathVariable String invoiceId,
                                               @RequestParam String at, ServerHttpRequest request) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException notAnInstant) {
            return Mono.just(Problems.badRequest("at", "must be an ISO-8601 instant, e.g. 2026-06-30T21:59:59.999Z"));
        }
        InvoiceRef invoice = new InvoiceRef(organizationId, invoiceId);
        return Mono.fromSupplier(() -> invoices.local(invoice, instant, Forwarder.forwarded(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> answer(invoice, lookup, request));
    }

    private Mono<ResponseEntity<Object>> answer(InvoiceRef invoice, Lookup<InvoiceView> lookup,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<InvoiceView> found) {
            return Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(InvoicesAt.json(found.value())));
        }
        if (lookup instanceof Elsewhere<InvoiceView> elsewhere) {
            return forwarder.forward(elsewhere.host(), request).map(Relay::entity);
        }
        if (lookup instanceof Unavailable<InvoiceView> unavailable) {
            return Mono.just(Problems.unavailable(unavailable.reason()));
        }
        return Mono.just(Problems.notFound("Invoice ledger", "No fact about invoice " + invoice
                + " has reached the ledger"));
    }
}
