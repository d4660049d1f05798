package io.dealledger.ledger.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.dealledger.core.invoice.BooksTimes;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.ledger.deal.DealAsOf;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.LedgerProperties;
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

import reactor.core.publisher.Flux;
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
    private final InvoicesAt invoicesAt;
    private final LedgerProperties properties;
    private final Clock clock;

    public DealLedgerController(LedgerStores stores, Forwarder forwarder, InvoicesAt invoicesAt,
                                LedgerProperties properties, Clock ledgerClock) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.invoicesAt = invoicesAt;
        this.properties = properties;
        this.clock = ledgerClock;
    }

    @GetMapping("/api/v1/deals/{dealId}/ledger")
    public Mono<ResponseEntity<Object>> ledger(@PathVariable String dealId,
                                               @RequestParam(required = false) String asOf,
                                               ServerHttpRequest request) {
        Optional<LocalDate> day;
        try {
            day = asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
        } catch (DateTimeParseException notADate) {
            return Mono.just(Problems.badRequest("asOf", "must be a calendar date as yyyy-MM-dd (e.g. 2026-06-30),"
                    + " was \"" + asOf + "\""));
        }
        return Mono.fromSupplier(() -> stores.<DealState>lookup(LedgerTopology.DEAL_STORE, dealId,
                        Forwarder.forwarded(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> answer(dealId, lookup, day, request));
    }

    private Mono<ResponseEntity<Object>> answer(String dealId, Lookup<DealState> lookup, Optional<LocalDate> day,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<DealState> found && day.isPresent()) {
            // also a deal with no ledger now: an invoice linked to it once, re-linked since, made it one then
            return asOf(found.value(), day.get());
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

    /** The deal as of the end of {@code day}: each invoice it ever had, read as it stood then, where it is kept. */
    private Mono<ResponseEntity<Object>> asOf(DealState state, LocalDate day) {
        ZoneId zone = properties.zoneOf(state.emitted() == null ? null : state.emitted().organizationId());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (day.isAfter(today)) {
            return Mono.just(Problems.badRequest("asOf", "is after today (" + today + " in the organization's time"
                    + " zone " + zone.getId() + "); today's date gives the ledger as it stands now"));
        }
        Instant through = BooksTimes.endOf(day, zone);
        return Flux.fromIterable(DealAsOf.invoiceKeys(state))
                .concatMap(key -> invoicesAt.at(invoice(key), through))
                .filter(Optional::isPresent).map(Optional::get).collectList()
                .map(views -> ResponseEntity.<Object>ok(AsOfDealLedgerResponse.of(DealAsOf.view(state, views, through,
                        day, properties.defaultCurrency()), day, zone, through)))
                .onErrorResume(InvoicesAt.Unready.class, unready -> Mono.just(Problems.unavailable(
                        unready.getMessage())))
                .onErrorResume(IllegalStateException.class, broken -> Mono.just(Problems.unprocessable("asOf",
                        "the ledger as of " + day + " breaks an invariant: " + broken.getMessage())));
    }

    /** An invoice key ({@code org:invoice}; Books organization ids have no colon) as its reference. */
    private static InvoiceRef invoice(String key) {
        int colon = key.indexOf(':');
        return new InvoiceRef(key.substring(0, colon), key.substring(colon + 1));
    }
}
