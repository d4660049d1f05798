package io.dealledger.ledger.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.events.AccountLedger;
import io.dealledger.events.DealLedger;
import io.dealledger.ledger.projection.HistoryGenerator.History;
import io.dealledger.ledger.projection.LedgerOracle.Expected;

/**
 * What the projection published for generated histories against {@link LedgerOracle}: every deal's latest ledger
 * equals the oracle's, and every account's latest ledger equals, per currency, both the oracle's sums of its deals
 * and the sums of its deals' ledgers as published. A deal or account never published must have nothing to show.
 */
final class HistoryChecks {

    private final LocalDate today;
    private final List<String> differences = new ArrayList<>();
    private int deals;
    private int accounts;
    private int accountsWithDeals;

    HistoryChecks(LocalDate today) {
        this.today = today;
    }

    /** Checks one history, keeping what differs (the first difference also lists the deliveries). */
    void check(History history, Map<String, DealLedger> published, Map<String, AccountLedger> accountLedgers) {
        List<String> found = differences(history, published, accountLedgers);
        if (!found.isEmpty() && differences.isEmpty()) {
            found.set(0, found.get(0) + "\n  deliveries " + history.deliveries().stream()
                    .map(d -> d.event().getClass().getSimpleName() + d.event()).toList());
        }
        differences.addAll(found);
        deals += history.deals().size();
        accounts += history.accounts().size();
        accountsWithDeals += (int) history.deals().stream().map(published::get)
                .filter(ledger -> ledger != null && ledger.getAccountId() != null)
                .map(DealLedger::getAccountId).distinct().count();
    }

    /** Every difference between the published ledgers of {@code history} and the oracle; empty when all agree. */
    List<String> differences(History history, Map<String, DealLedger> published,
                             Map<String, AccountLedger> accountLedgers) {
        List<String> found = new ArrayList<>();
        Map<String, Expected> expected = LedgerOracle.ledgers(history.happened(), history.deals(), today);
        Map<String, Expected> actual = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> deal : expected.entrySet()) {
            DealLedger ledger = published.get(deal.getKey());
            Expected nothing = LedgerOracle.ledgers(List.of(), List.of(deal.getKey()), today).get(deal.getKey());
            Expected shown = ledger == null ? nothing : Expected.of(ledger);
            actual.put(deal.getKey(), shown);
            if (!shown.equals(deal.getValue())) {
                found.add("seed " + history.seed() + " deal " + deal.getKey() + "\n  expected " + deal.getValue()
                        + "\n  actual   " + (ledger == null ? "none" : shown));
            }
        }
        Map<String, List<String>> ofOracleDeals = LedgerOracle.accountLedgers(expected, history.accounts());
        Map<String, List<String>> ofPublishedDeals = LedgerOracle.accountLedgers(actual, history.accounts());
        for (String account : history.accounts()) {
            AccountLedger ledger = accountLedgers.get(account);
            List<String> shown = ledger == null ? List.of() : LedgerOracle.describe(ledger);
            if (!shown.equals(ofOracleDeals.get(account)) || !shown.equals(ofPublishedDeals.get(account))) {
                found.add("seed " + history.seed() + " account " + account + "\n  oracle's deals   "
                        + ofOracleDeals.get(account) + "\n  published deals  " + ofPublishedDeals.get(account)
                        + "\n  account ledger   " + (ledger == null ? "none" : shown));
            }
        }
        return found;
    }

    List<String> differences() {
        return differences;
    }

    int deals() {
        return deals;
    }

    int accounts() {
        return accounts;
    }

    /** Accounts that ended with at least one deal (so the roll-up was really exercised). */
    int accountsWithDeals() {
        return accountsWithDeals;
    }
}
