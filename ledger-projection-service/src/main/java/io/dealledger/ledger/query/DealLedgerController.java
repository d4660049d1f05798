package io.dealledger.ledger.query;

import java.time.LocalDate;
import java.util.Optional;

import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Lookup;
import io.dealledger.ledger.query.LedgerStores.Unavailable;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/deals/{dealId}/ledger}: the deal's current ledger (the latest DealLedger published),
 * 404 problem+json for a deal the projection has never seen, 503 while its store is not queryable, answered by
 * the instance that owns the deal.
 *
 * <p>With {@code ?asOf=yyyy-MM-dd}: the ledger as it stood at the end of that date in the calendar of the deal's Books
 * organization: the invoices linked to the deal then, with what Books says
 * had happened to them by then ({@link AsOfDealLedgerResponse}). A date that is not a calendar date, or one after
 * today in that calendar, is a 400 problem naming {@code asOf}.
 */
@RestController
public class DealLedgerController {

    private final LedgerStores stores;
    private final Forwarder forwarder;
    private final DealsAt dealsAt;

    public DealLedgerController(LedgerStores stores, Forwarder forwarder, DealsAt dealsAt) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.dealsAt = dealsAt;
    }

    @GetMapping(DealsAt.PATH)
    public Mono<ResponseEntity<Object>> ledger(@PathVariable String dealId,
                                               @RequestParam(required = false) String asOf,
                                               ServerHttpRequest request) {
        return AsOfParameter.answer(asOf, day -> Mono.fromSupplier(() -> stores.<DealState>lookup(
                        LedgerTopology.DEAL_STORE, dealId, Forwarder.forwarded(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> answer(dealId, lookup, day, request)));
    }

    private Mono<ResponseEntity<Object>> answer(String dealId, Lookup<DealState> lookup, Optional<LocalDate> day,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<DealState> found && day.isPresent()) {
            // also a deal with no ledger now: an invoice linked to it once, re-linked since, made it one then
            return dealsAt.answer(found.value(), day.get());
        }
        if (lookup instanceof Found<DealState> found && found.value().emitted() != null) {
            return Mono.just(ResponseEntity.ok(DealLedgerResponse.of(found.value().emitted(), found.value().version())));
        }
        if (lookup instanceof Elsewhere<DealState> elsewhere) {
            return forwarder.forward(elsewhere.host(), request).map(Relay::entity);
        }
        if (lookup instanceof Unavailable<DealState> unavailable) {
            return Mono.just(Problems.unavailable(unavailable.reason()));
        }
        return Mono.just(Problems.notFound("Deal ledger", "No ledger for deal " + dealId
                + ": no invoice, payment or deal change has reached it yet"));
    }
}
