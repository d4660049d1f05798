package io.dealledger.ledger.writeback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CRM write-back (prefix {@code dealledger.ledger.crm-write-back}); defaults in application.yml. Window, batch,
 * timeout and retries apply to Deals and Accounts alike.
 *
 * @param enabled     write DealLedgers back to CRM Deal fields (needs {@code dealledger.zoho.enabled=true}); off also
 *                    turns the account write-back off
 * @param groupId     the write-back's own consumer group on {@code ledger.deals.v1}
 * @param window      how long a record's changes are coalesced before one write
 * @param maxBatch    records per CRM update call (Zoho allows at most 100)
 * @param callTimeout the longest one CRM update call (with the client's own retries) may take
 * @param retry       back-off of writes that failed (the whole call, or a record CRM may accept later)
 * @param fields      the CRM Deal fields' API names
 * @param accounts    the write-back of AccountLedgers to CRM Account fields
 */
@ConfigurationProperties("dealledger.ledger.crm-write-back")
public record WriteBackProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("ledger-projection-service-crm-write-back") String groupId,
                                  @DefaultValue("2s") Duration window, @DefaultValue("100") int maxBatch,
                                  @DefaultValue("60s") Duration callTimeout, @DefaultValue Retry retry,
                                  @DefaultValue Fields fields, @DefaultValue Accounts accounts) {

    public WriteBackProperties {
        if (maxBatch < 1 || maxBatch > 100) {
            throw new IllegalArgumentException("dealledger.ledger.crm-write-back.max-batch must be 1 to 100 (Zoho's"
                    + " limit per update call), was " + maxBatch);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("dealledger.ledger.crm-write-back.window must not be negative");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("dealledger.ledger.crm-write-back.group-id must be set");
        }
    }

    /**
     * Back-off between attempts of one deal's write: first, doubling, capped at max; a write is never given up (only a
     * deleted record is dropped), so the CRM fields end exact after any outage.
     */
    public record Retry(@DefaultValue("1s") Duration firstBackoff, @DefaultValue("1m") Duration maxBackoff) {

        public Retry {
            if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
                throw new IllegalArgumentException("dealledger.ledger.crm-write-back.retry: max-backoff must be at"
                        + " least first-backoff");
            }
        }
    }

    /** API names of the Deal fields dealledger writes (docs/architecture.md §5). */
    public record Fields(@DefaultValue("Total_Invoiced") String totalInvoiced, @DefaultValue("Total_Paid") String totalPaid,
                         @DefaultValue("Total_Credited") String totalCredited,
                         @DefaultValue("Outstanding_Balance") String outstandingBalance,
                         @DefaultValue("Overdue_Amount") String overdueAmount,
                         @DefaultValue("Uninvoiced_Amount") String uninvoicedAmount,
                         @DefaultValue("Payment_Status") String paymentStatus,
                         @DefaultValue("Invoice_Id") String invoiceId, @DefaultValue("Invoice_URL") String invoiceUrl,
                         @DefaultValue("Last_Payment_Date") String lastPaymentDate,
                         @DefaultValue("Invoice_Error") String invoiceError) {

        public CrmDealFields toDealFields() {
            return new CrmDealFields(totalInvoiced, totalPaid, totalCredited, outstandingBalance, overdueAmount,
                    uninvoicedAmount, paymentStatus, invoiceId, invoiceUrl, lastPaymentDate, invoiceError);
        }
    }

    /**
     * The account write-back (prefix {@code dealledger.ledger.crm-write-back.accounts}).
     *
     * @param enabled write AccountLedgers to CRM Account fields (also needs the deal write-back's {@code enabled})
     * @param groupId its own consumer group on {@code ledger.accounts.v1}
     * @param fields  the CRM Account fields' API names
     */
    public record Accounts(@DefaultValue("true") boolean enabled,
                           @DefaultValue("ledger-projection-service-crm-account-write-back") String groupId,
                           @DefaultValue AccountFields fields) {

        public Accounts {
            if (groupId == null || groupId.isBlank()) {
                throw new IllegalArgumentException("dealledger.ledger.crm-write-back.accounts.group-id must be set");
            }
        }
    }

    /** API names of the Account fields dealledger writes. */
    public record AccountFields(@DefaultValue("Total_Invoiced") String totalInvoiced,
                                @DefaultValue("Total_Paid") String totalPaid,
                                @DefaultValue("Total_Credited") String totalCredited,
                                @DefaultValue("Outstanding_Balance") String outstandingBalance,
                                @DefaultValue("Overdue_Amount") String overdueAmount,
                                @DefaultValue("Open_Deals_With_Balance") String openDealsWithBalance,
                                @DefaultValue("Ledger_Currency") String currency,
                                @DefaultValue("Other_Currency_Balances") String otherCurrencies) {

        public CrmAccountFields toAccountFields() {
            return new CrmAccountFields(totalInvoiced, totalPaid, totalCredited, outstandingBalance, overdueAmount,
                    openDealsWithBalance, currency, otherCurrencies);
        }
    }
}
