package io.dealledger.payment.link;

import java.util.List;
import java.util.Optional;

import io.dealledger.zoho.books.BooksRecords.Invoice;

/**
 * The widget's "filtered by contact" rule: an invoice may be linked to a deal only if it belongs to the Books
 * customer of the deal's account — the account's Books customer id, or a Books contact that names the account.
 */
public final class LinkRule {

    private LinkRule() {
    }

    /**
     * @param deal                     the deal's account, or null when CRM does not know the deal
     * @param invoiceCustomerAccountId the CRM account id the invoice's Books customer names (custom field), or null
     */
    public static Optional<LinkRejection> check(String org, Invoice invoice, DealAccount deal, String dealId,
                                                String invoiceCustomerAccountId) {
        if (deal == null) {
            return Optional.of(new LinkRejection(LinkRejection.DEAL_NOT_FOUND, "Deal " + dealId + " does not exist in CRM."));
        }
        if (deal.accountId() == null) {
            return Optional.of(new LinkRejection(LinkRejection.DEAL_WITHOUT_ACCOUNT, "Deal " + dealId
                    + " has no account, so no Books customer: link invoices to account-linked deals only."));
        }
        if (invoice.customerId().equals(deal.booksCustomerId()) || deal.accountId().equals(invoiceCustomerAccountId)) {
            return Optional.empty();
        }
        return Optional.of(mismatch(org, invoice, deal, List.of()));
    }

    /** The refusal naming both customers; {@code dealCustomers} are the Books customers found for the account. */
    public static LinkRejection mismatch(String org, Invoice invoice, DealAccount deal, List<String> dealCustomers) {
        String theirs = dealCustomers.isEmpty()
                ? "which has no Books customer in organization " + org
                : "whose Books customer is " + String.join(", ", dealCustomers);
        return new LinkRejection(LinkRejection.CUSTOMER_MISMATCH, "Invoice " + invoice.invoiceNumber()
                + " belongs to Books customer " + invoice.customerName() + " (" + invoice.customerId()
                + "), not to the deal's account " + deal.accountName() + " (" + deal.accountId() + "), " + theirs + ".");
    }
}
