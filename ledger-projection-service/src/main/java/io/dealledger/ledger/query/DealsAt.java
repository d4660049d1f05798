package io.dealledger.ledger.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.dealledger.core.invoice.BooksTimes;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.ledger.deal.DealAsOf;
import io.dealledger.ledger.deal.DealState;
import io.dealledger.ledger.projection.JsonSerde;
import io.dealledger.ledger.projection.LedgerProperties;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Unavailable;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A deal's ledger as of the end of a date ({@link AsOfDealLedgerResponse}): computed on the instance holding the
 * deal's state, from each invoice the deal ever had as it stood then ({@link InvoicesAt}, wherever it is kept). An
 * account's as-of ledger reads its deals' this way; a deal another instance owns is asked for on that instance's
 * {@value #PATH}{@code ?asOf=}, the public route, so an account counts exactly what each deal answers.
 */
@Component
public class DealsAt {

    static final String PATH = "/api/v1/deals/{dealId}/ledger";

    private static final JsonSerde<AsOfDealLedgerResponse> LEDGERS = new JsonSerde<>(AsOfDealLedgerResponse.class);

    private final LedgerStores stores;
    private final InvoicesAt invoicesAt;
    private final OwnerReads owners;
    private final LedgerProperties properties;
    private final Clock clock;

    public DealsAt(LedgerStores stores, InvoicesAt invoicesAt, OwnerReads owners, LedgerProperties properties,
                   Clock ledgerClock) {
        this.stores = stores;
        this.invoicesAt = invoicesAt;
        this.owners = owners;
        this.properties = properties;
        this.clock = ledgerClock;
    }

    /**
     * The answer to {@code ?asOf=day} for a deal held here: its as-of ledger, or a 400 problem naming {@code asOf} for
     * a day after today in the organization's calendar, 422 if the ledger then breaks the deal invariant, 503 while a
     * store holding one of its invoices cannot be read.
     */
    Mono<ResponseEntity<Object>> answer(DealState state, LocalDate day) {
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
                .onErrorResume(OwnerReads.Unready.class, unready -> Mono.just(Problems.unavailable(
                        unready.getMessage())))
                .onErrorResume(IllegalStateException.class, broken -> Mono.just(Problems.unprocessable("asOf",
                        "the ledger of deal " + state.dealId() + " as of " + day + " breaks an invariant: "
                                + broken.getMessage())));
    }

    /**
     * The deal's as-of ledger, read where the deal is kept: empty for a deal the projection does not know, any other
     * answer than the ledger (the problems of {@link #answer}) as {@link OwnerReads.Refused}.
     */
    Mono<Optional<AsOfDealLedgerResponse>> at(String dealId, LocalDate day) {
        return Mono.fromSupplier(() -> stores.<DealState>lookup(LedgerTopology.DEAL_STORE, dealId, false))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> {
                    if (lookup instanceof Found<DealState> found) {
                        return answer(found.value(), day).flatMap(answer -> answer.getBody()
                                instanceof AsOfDealLedgerResponse ledger ? Mono.just(Optional.of(ledger))
                                : Mono.<Optional<AsOfDealLedgerResponse>>error(new OwnerReads.Refused(answer)));
                    }
                    if (lookup instanceof Elsewhere<DealState> elsewhere) {
                        return owners.get(elsewhere.host(), PATH.replace("{dealId}", URLEncoder.encode(dealId,
                                        StandardCharsets.UTF_8)) + "?asOf=" + day,
                                body -> LEDGERS.deserializer().deserialize(null, body), "deal " + dealId);
                    }
                    if (lookup instanceof Unavailable<DealState> unavailable) {
                        return Mono.error(new OwnerReads.Unready(unavailable.reason()));
                    }
                    return Mono.just(Optional.<AsOfDealLedgerResponse>empty());
                });
    }

    /** An invoice key ({@code org:invoice}; Books organization ids have no colon) as its reference. */
    private static InvoiceRef invoice(String key) {
        int colon = key.indexOf(':');
        return new InvoiceRef(key.substring(0, colon), key.substring(colon + 1));
    }
}
