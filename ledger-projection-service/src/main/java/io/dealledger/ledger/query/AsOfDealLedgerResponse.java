package io.dealledger.ledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.dealledger.core.money.Money;
import io.dealledger.ledger.account.AccountAsOf;
import io.dealledger.ledger.account.DealTotals;
import io.dealledger.ledger.deal.DealView;

/**
 * A deal's ledger as it stood at the end of {@code asOf} in its organization's calendar ({@code zone}): the amounts
 * and invoices by the same names as the current ledger's ({@link DealLedgerResponse}), without what describes
 * requests rather than money (invoice errors, link refusals) and without a version.
 *
 * @param through the last instant counted: the end of {@code asOf} in {@code zone}
 */
public record AsOfDealLedgerResponse(String dealId, LocalDate asOf, String zone, Instant through,
                                     String organizationId, String accountId, String currency, String dealValue,
                                     String totalInvoiced, String totalPaid, String totalCredited,
                                     String totalRefunded, String writtenOff, String outstanding, String overdue,
                                     String uninvoiced, String paymentStatus,
                                     List<DealLedgerResponse.Invoice> invoices, LocalDate lastPaymentDate) {

    static AsOfDealLedgerResponse of(DealView view, LocalDate asOf, ZoneId zone, Instant through) {
        DealLedgerResponse ledger = DealLedgerResponse.of(view, 0);
        return new AsOfDealLedgerResponse(view.dealId(), asOf, zone.getId(), through, ledger.organizationId(),
                ledger.accountId(), ledger.currency(), ledger.dealValue(), ledger.totalInvoiced(), ledger.totalPaid(),
                ledger.totalCredited(), ledger.totalRefunded(), ledger.writtenOff(), ledger.outstanding(),
                ledger.overdue(), ledger.uninvoiced(), ledger.paymentStatus(), ledger.invoices(),
                ledger.lastPaymentDate());
    }

    /** The deal as its account of then counts it, read back from this answer (the amounts are exact decimals). */
    AccountAsOf.DealThen dealThen() {
        return new AccountAsOf.DealThen(accountId, new DealTotals(dealId, currency, money(totalInvoiced),
                money(totalPaid), money(totalCredited), money(outstanding), money(overdue)));
    }

    private Money money(String amount) {
        return Money.of(amount, currency);
    }
}
