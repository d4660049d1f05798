package io.dealledger.zoho.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.dealledger.testkit.time.MovableClock;
import io.dealledger.zoho.ZohoSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** One organization's budget as one instance of one service spends it: shares, priorities, Zoho's signals. */
class BooksOrgBudgetTest {

    static final String ORG = "10234695";
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T18:00:00Z"));
    final SharedDeployment deployment = new SharedDeployment();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    BooksOrgBudget budget(ZohoSettings.BooksBudget limits, Duration window) {
        BooksOrgBudget budget = new BooksOrgBudget(ORG, "invoice-service", limits, deployment, clock, meters, window);
        budget.profile(new OrgProfile(PACIFIC, "PST", 100, true));
        return budget;
    }

    static ZohoSettings.BooksBudget limits(double share, Integer daily) {
        return new ZohoSettings.BooksBudget(100, 10, daily, null, share, 0.1, Duration.ofSeconds(30));
    }

    @Test
    void anInstanceSpendsItsServicesShareTimesItsFractionOfTheOrganizationsLimits() {
        BooksOrgBudget budget = budget(limits(0.5, null), Duration.ofMinutes(1));

        deployment.fraction.set(1.0);
        assertThat(budget.minuteLimit()).isEqualTo(50);
        assertThat(budget.inFlightLimit()).isEqualTo(5);

        deployment.fraction.set(0.5);
        assertThat(budget.minuteLimit()).as("one of two instances").isEqualTo(25);
        assertThat(budget.inFlightLimit()).isEqualTo(2);

        deployment.fraction.set(0.0);
        assertThat(budget.minuteLimit()).as("not yet a member, or a share still cooling down").isZero();
        assertThat(budget.inFlightLimit()).isZero();
    }

    @Test
    void waitingHighPriorityCallsGoBeforeLowOnes() {
        BooksOrgBudget budget = budget(new ZohoSettings.BooksBudget(100, 1, 1000, null, 0.9, 0.1, null),
                Duration.ofMinutes(1));
        Budget.Permit held = budget.acquire(Priority.HIGH).block(Duration.ofSeconds(1));
        List<Priority> served = new CopyOnWriteArrayList<>();

        budget.acquire(Priority.LOW).doOnNext(p -> served.add(Priority.LOW)).subscribe(Budget.Permit::close);
        budget.acquire(Priority.HIGH).doOnNext(p -> served.add(Priority.HIGH)).subscribe(Budget.Permit::close);
        held.close();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> served.size() == 2);
        assertThat(served).containsExactly(Priority.HIGH, Priority.LOW);
    }

    @Test
    void lowPriorityCallsTakeAtMostHalfOfAWindowSoLaterHighOnesFindRoom() {
        BooksOrgBudget budget = budget(new ZohoSettings.BooksBudget(10, 10, 1000, null, 0.9, 0.1, null),
                Duration.ofMinutes(1));
        // 9 calls a minute for this service: LOW ones may start 4 of them
        for (int i = 0; i < 4; i++) {
            take(budget, Priority.LOW).close();
        }
        assertThat(budget.acquire(Priority.LOW).timeout(Duration.ofMillis(300)).onErrorResume(e -> reactor.core
                .publisher.Mono.empty()).block()).as("a fifth LOW call waits for the window").isNull();

        for (int i = 0; i < 5; i++) {
            take(budget, Priority.HIGH).close();
        }
        assertThat(budget.startedThisMinute()).isEqualTo(9);
    }

    @Test
    void lowPriorityCallsStopAtTheServicesShareOfTheDayWhileInvoicePushesUseWhatTheDeploymentHasLeft() {
        // a 100-call plan: the deployment may spend 90 (10 kept for other apps), this service's LOW calls 30
        BooksOrgBudget budget = budget(limits(0.3, 100), Duration.ofMinutes(1));
        deployment.byThisService.set(29);
        deployment.byEveryone.set(80);

        take(budget, Priority.LOW).close();
        assertThatThrownBy(() -> take(budget, Priority.LOW)).isInstanceOfSatisfying(BooksDailyLimitException.class,
                refused -> {
                    assertThat(refused.answeredByZoho()).as("nothing was sent").isFalse();
                    assertThat(refused.resumesAt()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
                    assertThat(refused.forPeople()).isEqualTo(
                            "Books daily API limit reached; will be retried after 00:00 PST (2026-12-03)");
                });
        for (int i = 0; i < 9; i++) {
            take(budget, Priority.HIGH).close();
        }
        assertThat(budget.deploymentCallsToday()).isEqualTo(90);
        assertThatThrownBy(() -> take(budget, Priority.HIGH)).isInstanceOf(BooksDailyLimitException.class)
                .hasMessageContaining("allowance of 90");

        clock.set(Instant.parse("2026-12-03T08:00:01Z"));
        deployment.byThisService.set(0);
        deployment.byEveryone.set(0);
        take(budget, Priority.LOW);
        assertThat(deployment.spentToday.get()).as("a new Books day in the organization's time zone").isEqualTo(1);
        assertThat(deployment.spentOn.get()).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void zohosDailyCapStopsTheOrganizationUntilMidnightExceptForOneProbe() {
        BooksOrgBudget budget = budget(limits(0.5, 5000), Duration.ofMinutes(1));
        Budget.Permit first = take(budget, Priority.HIGH);
        first.answered(429, "45");
        first.close();

        assertThatThrownBy(() -> take(budget, Priority.HIGH)).as("within the probe interval")
                .isInstanceOf(BooksDailyLimitException.class);
        assertThatThrownBy(() -> take(budget, Priority.LOW)).isInstanceOf(BooksDailyLimitException.class);
        assertThat(budget.refusedUntil(Priority.LOW)).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));

        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> take(budget, Priority.LOW)).as("low priority never probes")
                .isInstanceOf(BooksDailyLimitException.class);
        Budget.Permit probe = take(budget, Priority.HIGH);
        assertThatThrownBy(() -> take(budget, Priority.HIGH)).as("one probe at a time")
                .isInstanceOf(BooksDailyLimitException.class);
        probe.answered(200, null);
        probe.close();

        assertThat(take(budget, Priority.LOW)).as("Zoho's day turned: served again").isNotNull();
        assertThat(meters.counter("dealledger.books.blocks", "org", ORG, "service", "invoice-service", "code", "45")
                .count()).isEqualTo(1);
    }

    @Test
    void aBlockedMinuteHoldsEveryCallForTheWindow() {
        BooksOrgBudget budget = budget(limits(0.9, 5000), Duration.ofMillis(200));
        Budget.Permit permit = take(budget, Priority.HIGH);
        permit.answered(429, "44");
        permit.close();
        long blockedAt = System.nanoTime();

        take(budget, Priority.HIGH).close();

        assertThat(Duration.ofNanos(System.nanoTime() - blockedAt)).as("the window plus a second of slack")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1150));
    }

    @Test
    void tooManyInFlightHalvesTheCeilingWhichGrowsBackWhenCalm() {
        BooksOrgBudget budget = budget(limits(0.9, 5000), Duration.ofMinutes(1));
        assertThat(budget.inFlightLimit()).isEqualTo(9);

        Budget.Permit permit = take(budget, Priority.HIGH);
        permit.answered(429, "1070");
        permit.close();
        assertThat(budget.inFlightLimit()).isEqualTo(4);

        clock.advance(Duration.ofSeconds(11));
        Budget.Permit calm = take(budget, Priority.HIGH);
        calm.answered(200, null);
        calm.close();
        assertThat(budget.inFlightLimit()).isEqualTo(5);
    }

    private static Budget.Permit take(BooksOrgBudget budget, Priority priority) {
        return budget.acquire(priority).block(Duration.ofSeconds(5));
    }

    /** The rest of the deployment, as a test sets it. */
    static final class SharedDeployment implements BudgetCoordination {
        final AtomicReference<Double> fraction = new AtomicReference<>(1.0);
        final AtomicLong byThisService = new AtomicLong();
        final AtomicLong byEveryone = new AtomicLong();
        final AtomicLong spentToday = new AtomicLong();
        final AtomicReference<LocalDate> spentOn = new AtomicReference<>();

        @Override
        public double fraction(String org) {
            return fraction.get();
        }

        @Override
        public DailyUsage others(String org, LocalDate day) {
            return new DailyUsage(byThisService.get(), byEveryone.get());
        }

        @Override
        public void spent(String org, LocalDate day, ZoneId zone, long callsToday, Instant lastCallAt) {
            spentToday.set(callsToday);
            spentOn.set(day);
        }

        @Override
        public boolean owns(String org) {
            return true;
        }
    }

}
