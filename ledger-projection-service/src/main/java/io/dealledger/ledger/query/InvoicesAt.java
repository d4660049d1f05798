package io.dealledger.ledger.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.ledger.projection.FactMapper;
import io.dealledger.ledger.projection.JsonSerde;
import io.dealledger.ledger.projection.LedgerProperties;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Lookup;
import io.dealledger.ledger.query.LedgerStores.Missing;
import io.dealledger.ledger.query.LedgerStores.Unavailable;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An invoice's view as it stood at an instant, from its facts in store {@value LedgerTopology#INVOICE_STORE}
 * ({@link InvoiceLedger#standingAt}, in the calendar of the invoice's organization). The invoice's key may be owned by
 * another instance than the deal asking for it (invoices and deals are partitioned apart): that instance is asked on
 * {@value #PATH}, so an as-of ledger needs no copy of any invoice's facts.
 */
@Component
public class InvoicesAt {

    static final String PATH = "/api/v1/invoices/{organizationId}/{invoiceId}/ledger";

    private static final JsonSerde<InvoiceView> VIEWS = new JsonSerde<>(InvoiceView.class);

    private final LedgerStores stores;
    private final LedgerProperties properties;
    private final OwnerReads owners;

    public InvoicesAt(LedgerStores stores, LedgerProperties properties, OwnerReads owners) {
        this.stores = stores;
        this.properties = properties;
        this.owners = owners;
    }

    /** The view of {@code invoice} at {@code at}, read where its facts are; empty for an invoice without facts. */
    Mono<Optional<InvoiceView>> at(InvoiceRef invoice, Instant at) {
        return Mono.fromSupplier(() -> local(invoice, at, false)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> {
                    if (lookup instanceof Found<InvoiceView> found) {
                        return Mono.just(Optional.of(found.value()));
                    }
                    if (lookup instanceof Elsewhere<InvoiceView> elsewhere) {
                        return remote(elsewhere.host(), invoice, at);
                    }
                    if (lookup instanceof Unavailable<InvoiceView> unavailable) {
                        return Mono.error(new OwnerReads.Unready(unavailable.reason()));
                    }
                    return Mono.just(Optional.<InvoiceView>empty());
                });
    }

    /** The view from this instance's store; {@code localOnly} for a request another instance sent here. */
    Lookup<InvoiceView> local(InvoiceRef invoice, Instant at, boolean localOnly) {
        Lookup<List<SpecificRecord>> facts = stores.lookup(LedgerTopology.INVOICE_STORE, invoice.key(), localOnly);
        if (facts instanceof Found<List<SpecificRecord>> found) {
            InvoiceLedger ledger = InvoiceLedger.restore(invoice,
                    found.value().stream().map(event -> FactMapper.toFact(event).orElseThrow()).toList());
            return new Found<>(ledger.standingAt(at, properties.zoneOf(invoice.organizationId())).view());
        }
        if (facts instanceof Elsewhere<List<SpecificRecord>> elsewhere) {
            return new Elsewhere<>(elsewhere.host());
        }
        if (facts instanceof Unavailable<List<SpecificRecord>> unavailable) {
            return new Unavailable<>(unavailable.reason());
        }
        return new Missing<>();
    }

    static byte[] json(InvoiceView view) {
        return VIEWS.serializer().serialize(null, view);
    }

    private Mono<Optional<InvoiceView>> remote(HostInfo owner, InvoiceRef invoice, Instant at) {
        String what = "invoice " + invoice;
        return owners.get(owner, PATH.replace("{organizationId}", encode(invoice.organizationId()))
                        .replace("{invoiceId}", encode(invoice.invoiceId())) + "?at=" + encode(at.toString()),
                        body -> VIEWS.deserializer().deserialize(null, body), what)
                .onErrorMap(OwnerReads.Refused.class, refused -> new OwnerReads.Unready(what + " at " + owner + ": "
                        + refused.getMessage()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
