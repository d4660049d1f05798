package io.dealledger.ledger.writeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.dealledger.events.AccountLedger;
import io.dealledger.ledger.account.AccountView;
import io.dealledger.ledger.account.CurrencyTotals;
import io.dealledger.core.money.Money;
import io.dealledger.ledger.projection.AccountLedgerMapper;

/**
 * The CRM Account fields dealledger owns, by configurable API name, and their values for an account's ledger. A CRM
 * currency field holds one currency, so the amounts are the account's main currency's ({@link AccountView#main()}:
 * most deals, then larger invoiced), the currency field names it, and a text field sums up every other currency the
 * account's deals are in (empty when there is none). The open-deals count covers every currency.
 */
public record CrmAccountFields(String totalInvoiced, String totalPaid, String totalCredited, String outstandingBalance,
                               String overdueAmount, String openDealsWithBalance, String currency,
                               String otherCurrencies) implements CrmRecordFields<AccountLedger> {

    public static final String MODULE = "Accounts";

    public CrmAccountFields {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("total-invoiced", totalInvoiced);
        names.put("total-paid", totalPaid);
        names.put("total-credited", totalCredited);
        names.put("outstanding-balance", outstandingBalance);
        names.put("overdue-amount", overdueAmount);
        names.put("open-deals-with-balance", openDealsWithBalance);
        names.put("currency", currency);
        names.put("other-currencies", otherCurrencies);
        CrmRecordFields.requireDistinct("dealledger.ledger.crm-write-back.accounts.fields", "Account", names);
    }

    /** The defaults (Total_Invoiced, Total_Paid, ..., Ledger_Currency, Other_Currency_Balances). */
    public static CrmAccountFields defaults() {
        return new CrmAccountFields("Total_Invoiced", "Total_Paid", "Total_Credited", "Outstanding_Balance",
                "Overdue_Amount", "Open_Deals_With_Balance", "Ledger_Currency", "Other_Currency_Balances");
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public String recordId(AccountLedger ledger) {
        return ledger.getAccountId();
    }

    @Override
    public Instant occurredAt(AccountLedger ledger) {
        return ledger.getOccurredAt();
    }

    /** The fields for {@code ledger}: an account whose deals all left shows zeros and no currency. */
    @Override
    public Map<String, Object> valuesOf(AccountLedger ledger) {
        AccountView view = AccountLedgerMapper.toView(ledger);
        Optional<CurrencyTotals> main = view.main();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(totalInvoiced, amount(main.map(CurrencyTotals::invoiced)));
        values.put(totalPaid, amount(main.map(CurrencyTotals::paid)));
        values.put(totalCredited, amount(main.map(CurrencyTotals::credited)));
        values.put(outstandingBalance, amount(main.map(CurrencyTotals::outstanding)));
        values.put(overdueAmount, amount(main.map(CurrencyTotals::overdue)));
        values.put(openDealsWithBalance, view.currencies().stream().mapToInt(CurrencyTotals::openDeals).sum());
        values.put(currency, main.map(CurrencyTotals::currency).orElse(null));
        values.put(otherCurrencies, others(view.currencies(), main.orElse(null)));
        return values;
    }

    /**
     * Every currency but the main one, for a person: "EUR: outstanding 1000.00 of 1200.00 invoiced, paid 200.00,
     * credited 0.00, overdue 0.00, 1 of 2 deals open"; entries joined by "; ", null when there is none.
     */
    static String others(List<CurrencyTotals> currencies, CurrencyTotals main) {
        String text = currencies.stream().filter(totals -> main == null || !totals.currency().equals(main.currency()))
                .map(totals -> totals.currency() + ": outstanding " + plain(totals.outstanding()) + " of "
                        + plain(totals.invoiced()) + " invoiced, paid " + plain(totals.paid()) + ", credited "
                        + plain(totals.credited()) + ", overdue " + plain(totals.overdue()) + ", "
                        + totals.openDeals() + " of " + totals.deals() + (totals.deals() == 1 ? " deal" : " deals")
                        + " open")
                .collect(Collectors.joining("; "));
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal amount(Optional<Money> money) {
        return money.map(m -> CrmRecordFields.amount(m.amount(), m.currency())).orElse(BigDecimal.ZERO);
    }

    private static String plain(Money money) {
        return CrmRecordFields.amount(money.amount(), money.currency()).toPlainString();
    }
}
