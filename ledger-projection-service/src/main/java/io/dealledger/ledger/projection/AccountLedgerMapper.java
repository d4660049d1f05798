package io.dealledger.ledger.projection;

import java.math.BigDecimal;
import java.time.Instant;

import io.dealledger.events.AccountCurrencyTotals;
import io.dealledger.events.AccountLedger;
import io.dealledger.ledger.account.AccountView;
import io.dealledger.ledger.account.CurrencyTotals;
import io.dealledger.core.money.Money;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.topics.Service;

/** Turns an account's view into the published {@link AccountLedger} event (amounts at the wire's scale 3). */
public final class AccountLedgerMapper {

    private AccountLedgerMapper() {
    }

    /** The event for {@code version} of the view; its id is derived from account and version. */
    public static AccountLedger toEvent(AccountView view, long version, Instant occurredAt) {
        return AccountLedger.newBuilder()
                .setEventId(EventIds.derive("AccountLedger", view.accountId(), Long.toString(version)))
                .setOccurredAt(occurredAt)
                .setSource(Service.LEDGER_PROJECTION_SERVICE.id())
                .setOrganizationId(null)
                .setAccountId(view.accountId())
                .setCurrencies(view.currencies().stream().map(totals -> AccountCurrencyTotals.newBuilder()
                        .setCurrency(totals.currency())
                        .setTotalInvoiced(amount(totals.invoiced()))
                        .setTotalPaid(amount(totals.paid()))
                        .setTotalCredited(amount(totals.credited()))
                        .setOutstanding(amount(totals.outstanding()))
                        .setOverdue(amount(totals.overdue()))
                        .setOpenDeals(totals.openDeals())
                        .setDeals(totals.deals())
                        .build()).toList())
                .setVersion(version)
                .build();
    }

    /** The view a published event states (what the CRM write-back works from). */
    public static AccountView toView(AccountLedger event) {
        return new AccountView(event.getAccountId(), event.getCurrencies().stream().map(totals -> new CurrencyTotals(
                totals.getCurrency(), Money.of(totals.getTotalInvoiced(), totals.getCurrency()),
                Money.of(totals.getTotalPaid(), totals.getCurrency()),
                Money.of(totals.getTotalCredited(), totals.getCurrency()),
                Money.of(totals.getOutstanding(), totals.getCurrency()),
                Money.of(totals.getOverdue(), totals.getCurrency()), totals.getOpenDeals(), totals.getDeals()))
                .toList());
    }

    private static BigDecimal amount(Money money) {
        return money.amount().setScale(Money.SCALE);
    }
}
