package io.dealledger.payment.sync;

import io.dealledger.payment.publish.Trigger;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/** Told of every Books invoice a sync has just brought into the ledger (the link package links what names a deal). */
public interface InvoiceSightings {

    InvoiceSightings NONE = (org, invoice, trigger) -> SyncResult.NOTHING;

    /** What the sighting of {@code invoice}, already synced, adds (published), e.g. its link. */
    SyncResult seen(String org, Invoice invoice, Trigger trigger);
}
