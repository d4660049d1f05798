package io.dealledger.payment.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.payment.sync.BooksSync;
import io.dealledger.payment.sync.SyncResult;
import io.dealledger.service.failures.SyncFailures;
import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * Ties a Books invoice to a CRM deal, or refuses to: the deal must exist in CRM, and the invoice's customer must be
 * the deal's account (its Books customer, or a contact carrying the account id). Either way the answer is a fact:
 * an InvoiceLinked, or an InvoiceLinkRejected whose reason the deal shows. A link a person asked for and one made
 * because the invoice names its deal ({@link AutoLinks}) are decided the same way.
 */
public class Linker {

    private final BooksSync sync;
    private final DealAccounts accounts;
    private final SyncFailures failures;

    public Linker(BooksSync sync, DealAccounts accounts, SyncFailures failures) {
        this.sync = sync;
        this.accounts = accounts;
        this.failures = failures;
    }

    /**
     * The outcome of linking {@code invoice} (as Books just answered it) to {@code dealId}, published. A link
     * accepted brings the invoice into the ledger with all the money it already has, then the link; a refusal is
     * only the InvoiceLinkRejected.
     */
    public Outcome link(String org, Invoice invoice, String dealId, String requestId, Instant at, Trigger trigger) {
        FactBuilder facts = sync.facts(org);
        Optional<DealAccount> deal = accounts.of(dealId);
        Optional<LinkRejection> rejection = check(org, invoice, dealId, deal);
        if (rejection.isPresent()) {
            LinkRejection refused = rejection.get();
            SyncResult synced = sync.publish(org, invoice.invoiceId(), List.of(facts.linkRejected(invoice.invoiceId(),
                    dealId, requestId, refused.code(), refused.category(), refused.message())), trigger);
            if (!synced.published().isEmpty()) {
                failures.record(refused.category(), org);
            }
            return new Outcome(synced, refused);
        }
        SyncResult imported = sync.invoiceAlone(org, invoice, trigger);
        return new Outcome(imported.and(sync.publish(org, invoice.invoiceId(), List.of(facts.linked(invoice.invoiceId(),
                dealId, deal.map(DealAccount::accountId).orElse(null), requestId, at)), trigger)), null);
    }

    /** What a link published, and why it was refused (null when linked). */
    public record Outcome(SyncResult synced, LinkRejection rejection) {
    }

    /** The rejection a link to a deal CRM does not have, or of another account's customer, gets. */
    private Optional<LinkRejection> check(String org, Invoice invoice, String dealId, Optional<DealAccount> deal) {
        if (deal.isEmpty() || deal.get().accountId() == null
                || invoice.customerId().equals(deal.get().booksCustomerId())) {
            return LinkRule.check(org, invoice, deal.orElse(null), dealId, null);
        }
        Optional<LinkRejection> rejection = LinkRule.check(org, invoice, deal.get(), dealId,
                accounts.accountOf(org, invoice.customerId()));
        return rejection.map(r -> LinkRule.mismatch(org, invoice, deal.get(), accounts.customersOf(org, deal.get())));
    }
}
