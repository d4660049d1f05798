package io.dealledger.ledger.query;

import io.dealledger.ledger.account.AccountState;
import io.dealledger.ledger.projection.LedgerTopology;
import io.dealledger.ledger.query.LedgerStores.Elsewhere;
import io.dealledger.ledger.query.LedgerStores.Found;
import io.dealledger.ledger.query.LedgerStores.Lookup;
import io.dealledger.ledger.query.LedgerStores.Unavailable;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/accounts/{accountId}/ledger}: a CRM account's roll-up of its deals' ledgers, per currency (the
 * latest AccountLedger published), so a customer's whole position is one read. 404 problem+json naming the
 * {@code accountId} when no deal of the account has reached the projection, 503 while the store is not queryable;
 * answered by the instance that owns the account, like the deal ledger.
 */
@RestController
public class AccountLedgerController {

    private final LedgerStores stores;
    private final Forwarder forwarder;

    public AccountLedgerController(LedgerStores stores, Forwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    @GetMapping("/api/v1/accounts/{accountId}/ledger")
    public Mono<ResponseEntity<Object>> ledger(@PathVariable String accountId, ServerHttpRequest request) {
        return Mono.fromSupplier(() -> stores.<AccountState>lookup(LedgerTopology.ACCOUNT_STORE, accountId,
                        Forwarder.forwarded(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> answer(accountId, lookup, request));
    }

    private Mono<ResponseEntity<Object>> answer(String accountId, Lookup<AccountState> lookup,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<AccountState> found) {
            return Mono.just(ResponseEntity.ok(AccountLedgerResponse.of(found.value().view(), found.value().version())));
        }
        if (lookup instanceof Elsewhere<AccountState> elsewhere) {
            return forwarder.forward(elsewhere.host(), request).map(Relay::entity);
        }
        if (lookup instanceof Unavailable<AccountState> unavailable) {
            return Mono.just(Problems.unavailable(unavailable.reason()));
        }
        return Mono.just(Problems.notFound("Account ledger", "accountId", accountId, "No ledger for account "
                + accountId + ": no deal of this account has reached the ledger yet"));
    }
}
