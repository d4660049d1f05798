package io.dealledger.payment.link;

import java.util.ArrayList;
import java.util.List;

import io.dealledger.events.InvoiceIssued;
import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.facts.InvoiceTerms;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.SyncResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issued invoice (from invoice.outcomes.v1, handled on payment.work.v1 by its organization's owner) enters the
 * ledger as InvoiceImported + InvoiceLinked to its deal, written here so ledger.facts.v1 keeps one writer. No Books call: the outcome carries the terms.
 */
public class IssuedInvoices {

    private static final Logger log = LoggerFactory.getLogger(IssuedInvoices.class);

    private final BooksSync sync;
    private final Unlinks unlinks;
    private final PaymentMetrics metrics;

    public IssuedInvoices(BooksSync sync, Unlinks unlinks, PaymentMetrics metrics) {
        this.sync = sync;
        this.unlinks = unlinks;
        this.metrics = metrics;
    }

    public void on(InvoiceIssued issued) {
        String org = issued.getOrganizationId();
        FactBuilder facts = sync.facts(org);
        List<Fact> issuedFacts = new ArrayList<>(List.of(facts.imported(InvoiceTerms.of(issued))));
        // an outcome delivered again (a replay answers with the request's invoice) must not undo a person's unlink
        boolean link = unlinks.mayLinkAutomatically(org, issued.getInvoiceId(), issued.getDealId());
        if (link) {
            issuedFacts.add(facts.linked(issued.getInvoiceId(), issued.getDealId(), issued.getAccountId(),
                    issued.getRequestId(), issued.getOccurredAt()));
        }
        SyncResult synced = sync.publish(org, issued.getInvoiceId(), issuedFacts, Trigger.ISSUED);
        metrics.notification("InvoiceIssued", synced.published().isEmpty() ? "unchanged" : "facts");
        log.info("event=issued_handled event_id={} org={} deal={} invoice={} facts={} link={}", issued.getEventId(), org,
                issued.getDealId(), issued.getInvoiceId(), synced.published().size(), link ? "linked" : "kept_unlinked");
    }
}
