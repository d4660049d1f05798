package io.dealledger.ledger.projection;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.dealledger.events.AccountLedger;
import io.dealledger.ledger.account.AccountChange;
import io.dealledger.ledger.account.AccountState;
import io.dealledger.ledger.account.AccountView;
import io.dealledger.ledger.account.DealTotals;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolls deals up into their accounts. Store {@value LedgerTopology#ACCOUNT_DEALS_STORE} holds each deal's totals as
 * its account last counted them (key {@code account:deal}); store {@value LedgerTopology#ACCOUNT_STORE} holds each
 * account's sums per currency and version. A change takes the deal's previous totals out and its new ones in, so the
 * work per change does not grow with the account's deals, and a repeated change (same totals) is a no-op. Every
 * change of an account's sums publishes its {@link AccountLedger} with the next version. Every deal counted in an
 * account, or {@linkplain AccountChange#seen named} for it, stays in the account's {@code dealsEver} for its as-of
 * ledgers.
 */
final class AccountProcessor implements Processor<String, AccountChange, String, AccountLedger> {

    private static final Logger log = LoggerFactory.getLogger(AccountProcessor.class);

    private final ProjectionMetrics metrics;
    private ProcessorContext<String, AccountLedger> context;
    private KeyValueStore<String, DealTotals> deals;
    private KeyValueStore<String, AccountState> accounts;

    AccountProcessor(ProjectionMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, AccountLedger> context) {
        this.context = context;
        this.deals = context.getStateStore(LedgerTopology.ACCOUNT_DEALS_STORE);
        this.accounts = context.getStateStore(LedgerTopology.ACCOUNT_STORE);
    }

    @Override
    public void process(Record<String, AccountChange> record) {
        String accountId = record.key();
        AccountChange change = record.value();
        AccountState state = Optional.ofNullable(accounts.get(accountId)).orElseGet(() -> AccountState.empty(accountId));
        if (change.seen()) {
            if (!state.dealsEver().contains(change.dealId())) {
                accounts.put(accountId, state.seeing(change.dealId()));
            }
            return;
        }
        String dealKey = accountId + ":" + change.dealId();
        DealTotals counted = deals.get(dealKey);
        if (Objects.equals(counted, change.totals())) {
            return;
        }
        AccountView next;
        try {
            next = state.view().with(counted, change.totals());
        } catch (IllegalStateException | IllegalArgumentException violation) {
            metrics.accountInvariantBroken();
            log.error("account=rejected-change account={} deal={} reason=\"{}\"", accountId, change.dealId(),
                    violation.getMessage());
            return;
        }
        if (change.totals() == null) {
            deals.delete(dealKey);
        } else {
            deals.put(dealKey, change.totals());
        }
        AccountState known = change.totals() == null ? state : state.seeing(change.dealId());
        if (next.equals(state.view())) {
            if (known != state) {
                accounts.put(accountId, known);
            }
            return;
        }
        AccountState published = known.publishing(next);
        accounts.put(accountId, published);
        context.forward(new Record<>(accountId, AccountLedgerMapper.toEvent(next, published.version(),
                Instant.ofEpochMilli(record.timestamp())), record.timestamp()));
        metrics.accountLedgerEmitted();
        log.info("accountLedger=emitted account={} deal={} version={} currencies={} deals={}", accountId,
                change.dealId(), published.version(), next.currencies().size(),
                next.currencies().stream().mapToInt(c -> c.deals()).sum());
    }
}
