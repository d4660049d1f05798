package io.dealledger.ledger.query;

import java.time.LocalDate;
import java.util.Optional;

import io.dealledger.ledger.account.AccountAsOf;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/accounts/{accountId}/ledger}: a CRM account's roll-up of its deals' ledgers, per currency (the
 * latest AccountLedger published), so a customer's whole position is one read. 404 problem+json naming the
 * {@code accountId} when no deal of the account has reached the projection, 503 while the store is not queryable;
 * answered by the instance that owns the account, like the deal ledger.
 *
 * <p>With {@code ?asOf=yyyy-MM-dd}: the sums of the as-of ledgers of the deals that were the account's at the end of
 * that date ({@link AsOfAccountLedgerResponse}), each deal read as its own {@code ?asOf=} answers it
 * ({@link DealsAt}, on whichever instance holds it), so the same 400 problems naming {@code asOf}, and a deal's 422 or
 * 503 is the account's; 422 too if the sums then break the account invariant (a deal's negative outstanding while a
 * fact was on its way).
 */
@RestController
public class AccountLedgerController {

    private final LedgerStores stores;
    private final Forwarder forwarder;
    private final DealsAt dealsAt;

    public AccountLedgerController(LedgerStores stores, Forwarder forwarder, DealsAt dealsAt) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.dealsAt = dealsAt;
    }

    @GetMapping("/api/v1/accounts/{accountId}/ledger")
    public Mono<ResponseEntity<Object>> ledger(@PathVariable String accountId,
                                               @RequestParam(required = false) String asOf,
                                               ServerHttpRequest request) {
        return AsOfParameter.answer(asOf, day -> Mono.fromSupplier(() -> stores.<AccountState>lookup(
                        LedgerTopology.ACCOUNT_STORE, accountId, Forwarder.forwarded(request)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(lookup -> answer(accountId, lookup, day, request)));
    }

    private Mono<ResponseEntity<Object>> answer(String accountId, Lookup<AccountState> lookup, Optional<LocalDate> day,
                                                ServerHttpRequest request) {
        if (lookup instanceof Found<AccountState> found && day.isPresent()) {
            // also an account without deals now: deals that moved away since were its then
            return asOf(found.value(), day.get());
        }
        if (lookup instanceof Found<AccountState> found && found.value().published()) {
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

    /** The account as of the end of {@code day}: every deal it ever had, as of that day, counted if it was its then. */
    private Mono<ResponseEntity<Object>> asOf(AccountState state, LocalDate day) {
        return Flux.fromIterable(AccountAsOf.dealIds(state))
                .concatMap(dealId -> dealsAt.at(dealId, day))
                .filter(Optional::isPresent).map(Optional::get)
                .filter(deal -> state.accountId().equals(deal.accountId())).collectList()
                .map(deals -> ResponseEntity.<Object>ok(AsOfAccountLedgerResponse.of(AccountAsOf.view(
                        state.accountId(), deals.stream().map(AsOfDealLedgerResponse::dealThen).toList()), day, deals)))
                .onErrorResume(OwnerReads.Refused.class, refused -> Mono.just(refused.answer()))
                .onErrorResume(OwnerReads.Unready.class, unready -> Mono.just(Problems.unavailable(
                        unready.getMessage())))
                .onErrorResume(IllegalStateException.class, broken -> Mono.just(Problems.unprocessable("asOf",
                        "the ledger of account " + state.accountId() + " as of " + day + " breaks an invariant: "
                                + broken.getMessage())));
    }
}
