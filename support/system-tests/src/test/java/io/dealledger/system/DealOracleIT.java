package io.dealledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.dealledger.testkit.kafka.UsesKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Books and CRM are the oracle, at the deal level, through the whole system (issue 17): seeded {@link DealHistory}s
 * are played through the public interfaces only (the CRM button, the widget's link and unlink, Books' and CRM's
 * own APIs, CRM's workflow webhook), while the emulator drops, duplicates, delays and reorders Books' webhooks.
 * Once every history is played, each deal's fields in CRM and its ledger view must equal what Books and CRM say:
 * the sums of Books' {@code total}, {@code payment_made}, {@code credits_applied} and {@code balance} over the
 * invoices linked to the deal and not void, the overdue balance by Books' due dates, the deal's CRM amount less the
 * invoices' {@code sub_total}, and the payment status those give. Which invoice is on which deal is the only thing
 * the test keeps itself: it is what the people in the history asked for.
 *
 * <p>{@code bin/test} plays 40 histories (80 deals). A longer run: {@code mvn -pl support/system-tests verify
 * -Dit.test=DealOracleIT -Ddealledger.deal-oracle.histories=400} ({@code -Ddealledger.deal-oracle.seed=N} plays
 * another set).
 */
@UsesKafka
class DealOracleIT {

    static final int HISTORIES = Integer.getInteger("dealledger.deal-oracle.histories", 40);
    static final long SEED = Long.getLong("dealledger.deal-oracle.seed", 17L);
    static final String ORG = Scenario.US_ORG;
    static SystemStack stack;
    /** One Zoho client for every history, as one integration holds one token (Zoho limits token requests). */
    static ZohoApi zoho;

    @BeforeAll
    static void startTheSystem() throws Exception {
        // the oracle is about money, not the budget: Books allows more a minute here than a real plan does
        stack = new SystemStack(new SystemStack.Options(1, 1, Map.of("ZOHO_BOOKS_PER_MINUTE", "1500"),
                Map.of("zoho-emulator.books.limits.per-minute", "1500")));
        stack.zoho.admin().put("faults/" + ORG, "{\"webhook_drop_probability\":0.1,\"webhook_duplicate_probability\":0.1,"
                + "\"webhook_delay_probability\":0.2,\"webhook_delay_millis\":1500,\"webhook_reorder_probability\":0.2}");
        zoho = stack.zohoApi();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void afterEverySeededHistoryEveryDealInCrmEqualsWhatBooksAndCrmSay() throws Exception {
        long start = System.nanoTime();
        List<DealPlay> plays = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<DealPlay>> running = new ArrayList<>();
        for (int i = 0; i < HISTORIES; i++) {
            DealHistory history = DealHistory.generate(SEED, i);
            running.add(pool.submit(() -> new DealPlay(history, stack.gateway(), zoho, stack.gatewayUrl()).run()));
        }
        for (Future<DealPlay> play : running) {
            plays.add(play.get());
        }
        pool.shutdown();
        Map<String, Integer> accepted = new TreeMap<>();
        plays.forEach(p -> p.accepted.forEach((kind, n) -> accepted.merge(kind, n, Integer::sum)));

        // Then, once settled, every deal in CRM and in its ledger is what Books and CRM say
        Map<String, String> diverged = DealPlay.diverged(plays, Duration.ofMinutes(3));
        System.out.printf("Deals with Books and CRM as the oracle: %d histories (seed %d), %d deals, operations"
                        + " accepted %s; %d deals diverged; %d s%n", plays.size(), SEED, plays.size() * 2, accepted,
                diverged.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
        diverged.forEach((deal, difference) -> System.out.println("DIVERGED " + deal + ": " + difference));
        assertThat(diverged).as("deals whose CRM fields or ledger differ from Books and CRM").isEmpty();
        assertThat(accepted.keySet()).as("every kind of operation was played").contains("Pay", "Credit", "WriteOff",
                "CancelWriteOff", "Void", "Edit", "Link", "Relink", "Unlink", "DealAmount");
    }

}
