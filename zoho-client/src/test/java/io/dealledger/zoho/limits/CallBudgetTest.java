package io.dealledger.zoho.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class CallBudgetTest {

    @Test
    void neverStartsMoreThanTheWindowAllowsNorRunsMoreThanTheInFlightLimit() {
        Duration window = Duration.ofMillis(300);
        CallBudget budget = new CallBudget(5, window, 2, Schedulers.parallel());
        List<Long> starts = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();

        Flux.range(0, 16).flatMap(i -> budget.run(Mono.defer(() -> {
            starts.add(System.nanoTime());
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return Mono.delay(Duration.ofMillis(20)).doOnTerminate(running::decrementAndGet);
        }))).blockLast(Duration.ofSeconds(10));

        assertThat(starts).hasSize(16);
        assertThat(mostAtOnce.get()).isLessThanOrEqualTo(2);
        // the calls note their start a little after the budget grants it; on a busy machine that lag varies by a
        // few milliseconds, which Zoho never sees (the real window carries a second of slack)
        long jitter = Duration.ofMillis(30).toNanos();
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 5; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 5)).as("call %d started within one window of call %d", i, i - 5)
                    .isGreaterThanOrEqualTo(window.toNanos() - jitter);
        }
        assertThat(sorted.get(15) - sorted.get(0)).as("16 calls at 5 per window need three windows")
                .isGreaterThanOrEqualTo(3 * window.toNanos() - jitter);
    }

    @Test
    void aFailedCallFreesItsSlot() {
        CallBudget budget = CallBudget.concurrency(1);

        Mono<String> failing = budget.run(Mono.error(new IllegalStateException("zoho down")));
        Mono<String> next = budget.run(Mono.just("ok"));

        assertThat(failing.onErrorReturn("failed").block(Duration.ofSeconds(2))).isEqualTo("failed");
        assertThat(next.block(Duration.ofSeconds(2))).isEqualTo("ok");
    }

    @Test
    void aCancelledWaiterGivesUpItsPlace() {
        CallBudget budget = CallBudget.concurrency(1);
        CallBudget.Permit held = budget.acquire().block(Duration.ofSeconds(1));

        budget.acquire().timeout(Duration.ofMillis(50)).onErrorResume(e -> Mono.empty()).block();
        held.close();

        assertThat(budget.run(Mono.just("served")).block(Duration.ofSeconds(1))).isEqualTo("served");
    }

    @Test
    void aWaitingLowCallGoesAfterAtMostNineHighOnesHoweverManyWait() {
        // Given one call running, then a LOW call (the poller) and twenty HIGH ones (webhook work) waiting
        CallBudget budget = CallBudget.concurrency(1);
        CallBudget.Permit held = budget.acquire().block(Duration.ofSeconds(1));
        List<String> served = new CopyOnWriteArrayList<>();
        budget.acquire(Priority.LOW).doOnNext(p -> served.add("LOW")).subscribe(CallBudget.Permit::close);
        for (int i = 0; i < 20; i++) {
            int n = i;
            budget.acquire(Priority.HIGH).doOnNext(p -> served.add("HIGH " + n)).subscribe(CallBudget.Permit::close);
        }

        // When the running call ends and the queue drains one at a time
        held.close();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> served.size() == 21);

        // Then HIGH goes first, but the LOW call is served tenth, not last
        assertThat(served.indexOf("LOW")).isEqualTo(CallBudget.HIGH_PER_LOW);
        assertThat(served.subList(0, CallBudget.HIGH_PER_LOW)).allMatch(s -> s.startsWith("HIGH"));
        assertThat(served.get(CallBudget.HIGH_PER_LOW + 1)).isEqualTo("HIGH " + CallBudget.HIGH_PER_LOW);
    }

    @Test
    void aCallerLeavingAsItsPermitIsHandedOutNeverKeepsTheSlot() throws Exception {
        // one slot, and callers that give up while it is handed over (a page read stopped by takeWhile, a timeout):
        // a permit granted to a caller already gone used to stay "running" for good, and with the slot leaked no
        // call ever started again (payment-service's notifications stopped for 50 minutes in BooksOracleIT at 5000)
        CallBudget budget = new CallBudget(Integer.MAX_VALUE, Duration.ofMinutes(1), 1, Schedulers.parallel());
        java.util.concurrent.ExecutorService others = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2_000; round++) {
                Budget.Permit held = budget.acquire().block(Duration.ofSeconds(5));
                // a caller as run() makes one: it closes its permit if it leaves holding it
                reactor.core.Disposable leaving = budget.run(Mono.never()).subscribe();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Future<?> close = others.submit(() -> {
                    go.await();
                    held.close();
                    return null;
                });
                java.util.concurrent.Future<?> cancel = others.submit(() -> {
                    go.await();
                    leaving.dispose();
                    return null;
                });
                go.countDown();
                close.get(5, java.util.concurrent.TimeUnit.SECONDS);
                cancel.get(5, java.util.concurrent.TimeUnit.SECONDS);
                Budget.Permit next = budget.acquire().block(Duration.ofSeconds(2));
                assertThat(next).as("round %d: the slot is free again", round).isNotNull();
                next.close();
            }
            assertThat(budget.running()).isZero();
        } finally {
            others.shutdownNow();
        }
    }
}
