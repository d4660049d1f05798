package io.dealledger.ledger.candidates;

import java.util.List;

import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.ledger.projection.FactMapper;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores;
import io.dealledger.zoho.books.BooksRecords.Invoice;

import org.apache.avro.specific.SpecificRecord;

/**
 * Whether a Books invoice is linked to a deal, as the projection knows it (store
 * {@value LedgerTopology#INVOICE_STORE}). When another instance owns the invoice's key, or the store is not
 * queryable, Books' own deal link ({@code zcrm_potential_id}) answers instead.
 */
public class InvoiceLinks {

    private final LedgerStores stores;

    public InvoiceLinks(LedgerStores stores) {
        this.stores = stores;
    }

    public boolean linked(String organizationId, Invoice invoice) {
        InvoiceRef ref = new InvoiceRef(organizationId, invoice.invoiceId());
        LedgerStores.Lookup<List<SpecificRecord>> lookup = stores.lookup(LedgerTopology.INVOICE_STORE, ref.key(), false);
        if (lookup instanceof LedgerStores.Found<List<SpecificRecord>> found) {
            return InvoiceLedger.restore(ref, found.value().stream()
                    .map(event -> FactMapper.toFact(event).orElseThrow()).toList()).view().dealId() != null;
        }
        if (lookup instanceof LedgerStores.Missing<List<SpecificRecord>>) {
            return false;
        }
        return invoice.zcrmPotentialId() != null && !invoice.zcrmPotentialId().isBlank();
    }
}
