package io.dealledger.ledger.query;

import java.time.Duration;

import io.dealledger.ledger.projection.LedgerProperties;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Lookup;
import io.dealledger.ledger.query.LedgerStores.Unavailable;
import io.dealledger.ledger.request.RequestStatus;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/invoice-requests/{requestId}[?waitSeconds=N]}: accepted / issued (invoice id, number, URL) /
 * rejected (reasons). With {@code waitSeconds} (at most {@code dealledger.ledger.long-poll-max}) the answer waits
 * until the request is issued or rejected, or the time is up, so the CRM button can show the outcome at once.
 */
@RestController
public class InvoiceRequestController {

    private static final Duration POLL = Duration.ofMillis(100);

    private final LedgerStores stores;
    private final Forwarder forwarder;
    private final LedgerProperties properties;

    public InvoiceRequestController(LedgerStores stores, Forwarder forwarder, LedgerProperties properties) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.properties = properties;
    }

    @GetMapping("/api/v1/invoice-requests/{requestId}")
    public Mono<ResponseEntity<Object>> status(@PathVariable String requestId,
                                               @RequestParam(required = false) Integer waitSeconds,
                                               ServerHttpRequest request) {
        long max = properties.longPollMax().toSeconds();
        if (waitSeconds != null && (waitSeconds < 0 || waitSeconds > max)) {
            return Mono.just(Problems.badRequest("waitSeconds", "must be between 0 and " + max));
        }
        boolean localOnly = Forwarder.forwarded(request);
        Duration wait = Duration.ofSeconds(waitSeconds == null ? 0 : waitSeconds);
        Mono<Lookup<RequestStatus>> lookup = wait.isZero()
                ? Mono.fromSupplier(() -> lookup(requestId, localOnly))
                : Flux.interval(Duration.ZERO, POLL).map(tick -> lookup(requestId, localOnly))
                .takeUntil(InvoiceRequestController::settledOrElsewhere).take(wait).last();
        return lookup.flatMap(found -> answer(requestId, found, request));
    }

    private Lookup<RequestStatus> lookup(String requestId, boolean localOnly) {
        return stores.lookup(LedgerTopology.REQUEST_STORE, requestId, localOnly);
    }

    /** Nothing more to wait for here: the outcome is known, or another instance must answer. */
    private static boolean settledOrElsewhere(Lookup<RequestStatus> lookup) {
        return lookup instanceof Elsewhere || lookup instanceof Found<RequestStatus> found && found.value().settled();
    }

    private Mono<ResponseEntity<Object>> answer(String requestId, Lookup<RequestStatus> lookup,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<RequestStatus> found) {
            return Mono.just(ResponseEntity.ok(InvoiceRequestResponse.of(found.value())));
        }
        if (lookup instanceof Elsewhere<RequestStatus> elsewhere) {
            return forwarder.forward(elsewhere.host(), request).map(Relay::entity);
        }
        if (lookup instanceof Unavailable<RequestStatus> unavailable) {
            return Mono.just(Problems.unavailable(unavailable.reason()));
        }
        return Mono.just(Problems.notFound("Invoice request", "No invoice request " + requestId
                + " has reached the ledger"));
    }
}
