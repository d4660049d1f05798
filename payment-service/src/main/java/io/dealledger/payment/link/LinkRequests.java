package io.dealledger.payment.link;

import java.util.List;
import java.util.Optional;

import io.dealledger.events.InvoiceLinkRequested;
import io.dealledger.events.InvoiceUnlinkRequested;
import io.dealledger.payment.cliq.PaymentNotices;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksReader;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.SyncResult;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.books.BooksRecords.Invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A link request (from invoice.links.v1, handled on payment.work.v1 by its organization's owner) is checked against
 * Books and CRM, then the invoice enters the ledger with all the money it already has (an invoice paid before it was
 * linked arrives with its payments) and its link; a refusal is an InvoiceLinkRejected the widget shows. An unlink is
 * an InvoiceUnlinked.
 */
public class LinkRequests {

    private static final Logger log = LoggerFactory.getLogger(LinkRequests.class);

    private final BooksReader books;
    private final BooksSync sync;
    private final PaymentNotices notices;
    private final Linker linker;
    private final PaymentMetrics metrics;
    private final SyncFailures failures;

    public LinkRequests(BooksReader books, BooksSync sync, Linker linker, PaymentMetrics metrics,
                               SyncFailures failures, PaymentNotices notices) {
        this.notices = notices;
        this.linker = linker;
        this.books = books;
        this.sync = sync;
        this.metrics = metrics;
        this.failures = failures;
    }

    public void on(InvoiceLinkRequested request) {
        String org = request.getOrganizationId();
        Optional<Invoice> invoice = books.invoice(org, request.getInvoiceId());
        SyncResult synced;
        String outcome;
        if (invoice.isEmpty()) {
            LinkRejection refused = new LinkRejection(LinkRejection.INVOICE_NOT_FOUND, "Invoice "
                    + request.getInvoiceId() + " does not exist in Books organization " + org + ".");
            outcome = "rejected:" + refused.code();
            synced = sync.publish(org, request.getInvoiceId(), List.of(sync.facts(org).linkRejected(
                    request.getInvoiceId(), request.getDealId(), request.getRequestId(), refused.code(),
                    refused.category(), refused.message())), Trigger.LINK);
            if (!synced.published().isEmpty()) {
                failures.record(refused.category(), org);
            }
        } else {
            Linker.Outcome linked = linker.link(org, invoice.get(), request.getDealId(), request.getRequestId(),
                    request.getOccurredAt(), Trigger.LINK);
            synced = linked.synced();
            outcome = linked.rejection() == null ? "linked" : "rejected:" + linked.rejection().code();
            // a payment made on the invoice before it was linked, whose webhook has not been handled yet: once the
            // link has published it, that webhook (and the poller) find nothing new and would not announce it
            notices.announce(org, synced.newlyAppliedPayments());
        }
        metrics.notification("InvoiceLinkRequested", outcome.startsWith("rejected") ? "rejected" : "linked");
        log.info("event=link_handled event_id={} org={} deal={} invoice={} request={} outcome={} facts={}",
                request.getEventId(), org, request.getDealId(), request.getInvoiceId(), request.getRequestId(), outcome,
                synced.published().size());
    }

    public void on(InvoiceUnlinkRequested request) {
        String org = request.getOrganizationId();
        SyncResult synced = sync.publish(org, request.getInvoiceId(), List.of(sync.facts(org).unlinked(
                request.getInvoiceId(), request.getDealId(), request.getRequestId(), request.getOccurredAt())),
                Trigger.LINK);
        metrics.notification("InvoiceUnlinkRequested", "unlinked");
        log.info("event=unlink_handled event_id={} org={} deal={} invoice={} request={} facts={}", request.getEventId(),
                org, request.getDealId(), request.getInvoiceId(), request.getRequestId(), synced.published().size());
    }
}
