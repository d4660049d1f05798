package io.dealledger.payment.link;

import java.time.Clock;

import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.InvoiceSightings;
import io.dealledger.payment.sync.SyncResult;
import io.dealledger.schemas.EventIds;
import io.dealledger.zoho.books.BooksRecords.Invoice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-association: a Books invoice that names its CRM deal ({@code zcrm_potential_id}, set by Zoho's own Finance
 * integration or by a Books user, or the deal custom field dealledger writes) is linked to that deal the first time
 * a notification, the poller or a backfill brings it in, with all its money, as if someone had linked it in the
 * widget: the same checks ({@link Linker}), so a deal of another account is a refused link with its reason. It is
 * tried once per invoice and deal (the decision is a fact), never after a person unlinked the invoice, never away
 * from a deal it is linked to, not for a link a person is making right now, and not for an invoice dealledger
 * issued itself (its outcome links it, without a CRM read). Off with
 * {@code PAYMENT_AUTO_LINK=false}.
 */
public class AutoLinks implements InvoiceSightings {

    private static final Logger log = LoggerFactory.getLogger(AutoLinks.class);
    /** The request id of an automatic link: one decision per invoice and deal. */
    static final String REQUEST_PREFIX = "auto:";

    private final boolean enabled;
    private final String dealField;
    private final String requestField;
    private final Linker linker;
    private final Unlinks unlinks;
    private final LedgerMemory memory;
    private final PaymentMetrics metrics;
    private final Clock clock;

    public AutoLinks(boolean enabled, String dealField, String requestField, Linker linker, Unlinks unlinks,
                     LedgerMemory memory, PaymentMetrics metrics, Clock clock) {
        this.enabled = enabled;
        this.dealField = dealField;
        this.requestField = requestField;
        this.linker = linker;
        this.unlinks = unlinks;
        this.memory = memory;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public SyncResult seen(String org, Invoice invoice, Trigger trigger) {
        String dealId = dealNamed(invoice);
        // an invoice dealledger issued (it carries its request id) is linked by its outcome, InvoiceIssued
        boolean issuedByDealledger = invoice.customFields().get(requestField) != null
                && !invoice.customFields().get(requestField).isBlank();
        if (!enabled || trigger == Trigger.LINK || dealId == null || issuedByDealledger
                || memory.invoice(org, invoice.invoiceId()).dealId() != null
                || !unlinks.mayLinkAutomatically(org, invoice.invoiceId(), dealId)) {
            return SyncResult.NOTHING;
        }
        String requestId = REQUEST_PREFIX + dealId;
        if (memory.knows(org, invoice.invoiceId(),
                EventIds.derive("InvoiceLinkRejected", org, invoice.invoiceId(), dealId, requestId))) {
            return SyncResult.NOTHING; // decided before: refused, and nothing has changed the deal it names
        }
        Linker.Outcome outcome = linker.link(org, invoice, dealId, requestId, clock.instant(), trigger);
        String result = outcome.rejection() == null ? "linked" : "rejected";
        metrics.notification("AutoLink", result);
        log.info("event=auto_link org={} invoice={} deal={} via={} outcome={} reason=\"{}\"", org, invoice.invoiceId(),
                dealId, trigger.tag(), result, outcome.rejection() == null ? "" : outcome.rejection().message());
        return outcome.synced();
    }

    /** The deal the invoice names: Books' own CRM deal field, else dealledger's custom field; null if none. */
    private String dealNamed(Invoice invoice) {
        String deal = invoice.zcrmPotentialId();
        if (deal == null || deal.isBlank()) {
            deal = invoice.customFields().get(dealField);
        }
        return deal == null || deal.isBlank() ? null : deal.trim();
    }
}
