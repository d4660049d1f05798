package io.dealledger.zoho.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.dealledger.zoho.ZohoSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One Books organization's budget as this process may spend it (docs/architecture.md §6):
 * <ul>
 * <li>per minute and in flight: this service's share of Zoho's per-organization limits, times this instance's
 * {@link BudgetCoordination#fraction fraction} of the service, so that every instance of every service together
 * stays inside the limits;</li>
 * <li>per day: {@link Priority#HIGH} calls may use the deployment's allowance (the plan's cap less a reserve for
 * the customer's other apps), {@link Priority#LOW} ones only this service's share of the cap; past either, the
 * call fails at once with {@link BooksDailyLimitException} instead of being sent;</li>
 * <li>Zoho's 429s are signals: code 44 (blocked for the minute) stops every call to the org in this process for
 * the window, longer if it repeats; 1070 (too many in flight) halves the in-flight ceiling, which grows back one
 * by one; 45 (the day's cap) stops the org until midnight in its time zone, letting one HIGH call through every
 * {@code dailyProbe} to learn early that Zoho's day turned.</li>
 * </ul>
 */
public final class BooksOrgBudget implements Budget {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration LONGEST_BLOCK = Duration.ofMinutes(5);
    private static final Duration CALM_BEFORE_RAISE = Duration.ofSeconds(10);

    private final Duration window;
    private final String organizationId;
    private final String service;
    private final ZohoSettings.BooksBudget limits;
    private final BudgetCoordination coordination;
    private final Clock clock;
    private final CallBudget queue;
    private final Counter[] blocks = new Counter[3];
    private final Timer[] waits = new Timer[Priority.values().length];

    private volatile OrgProfile profile = OrgProfile.UNKNOWN;
    private LocalDate day;
    private long callsToday;
    private volatile int inFlightCeiling;
    private Instant lastThrottled = Instant.EPOCH;
    private Instant lastRaised = Instant.EPOCH;
    private int blocksInARow;
    private Instant dailyBlockedUntil;
    private Instant lastProbe = Instant.EPOCH;

    BooksOrgBudget(String organizationId, String service, ZohoSettings.BooksBudget limits,
                   BudgetCoordination coordination, Clock clock, MeterRegistry meters) {
        this(organizationId, service, limits, coordination, clock, meters, WINDOW);
    }

    /** {@code window}: Zoho's minute; shorter only in tests. */
    BooksOrgBudget(String organizationId, String service, ZohoSettings.BooksBudget limits,
                   BudgetCoordination coordination, Clock clock, MeterRegistry meters, Duration window) {
        this.window = window;
        this.organizationId = organizationId;
        this.service = service;
        this.limits = limits;
        this.coordination = coordination;
        this.clock = clock;
        this.inFlightCeiling = limits.inFlight();
        this.queue = new CallBudget(this::minuteLimit, window.plus(CallBudget.SLACK), this::inFlightLimit,
                Schedulers.parallel(), priority -> refusal(priority, true));
        register(meters);
    }

    @Override
    public Mono<Permit> acquire(Priority priority) {
        long queued = System.nanoTime();
        return Mono.defer(() -> {
            BooksDailyLimitException refused = refusal(priority, false);
            return refused != null ? Mono.<Permit>error(refused) : queue.acquire(priority);
        }).map(slot -> {
            try {
                waits[priority.ordinal()].record(Duration.ofNanos(System.nanoTime() - queued));
                spend();
                return new SignalledPermit(slot);
            } catch (RuntimeException e) {
                // the slot was granted: give it back before failing, or it stays in flight for good
                slot.close();
                throw e;
            }
        });
    }

    /** The organization's time zone and plan cap, once Books (or configuration) said them. */
    void profile(OrgProfile profile) {
        this.profile = profile;
        queue.wake();
    }

    public OrgProfile profile() {
        return profile;
    }

    /** Looks at the queue again: this instance's share may have grown. */
    void wake() {
        queue.wake();
    }

    /** Calls this instance may start per minute now: the service's share of the org's limit, times its fraction. */
    public int minuteLimit() {
        return (int) Math.floor(limits.perMinute() * limits.share() * coordination.fraction(organizationId));
    }

    /** Calls this instance may have in flight now (at least one while it holds any share). */
    public int inFlightLimit() {
        double fraction = coordination.fraction(organizationId);
        if (fraction <= 0) {
            return 0;
        }
        return Math.min(shareOfInFlight(), inFlightCeiling);
    }

    /** This service's part of the day's cap: what its LOW calls may spend, all instances together. */
    public long dailyShare() {
        return (long) Math.floor(profile.dailyCap() * limits.share());
    }

    /** The deployment's allowance for the day: the plan's cap less the reserve kept for the customer's other apps. */
    public long dailyAllowance() {
        return (long) Math.floor(profile.dailyCap() * (1 - limits.reserve()));
    }

    /** Calls this service spent on the organization today, every instance counted. */
    public synchronized long serviceCallsToday() {
        LocalDate today = today();
        return coordination.others(organizationId, today).byThisService() + mine(today);
    }

    /** Calls the whole deployment spent on the organization today. */
    public synchronized long deploymentCallsToday() {
        LocalDate today = today();
        return coordination.others(organizationId, today).byEveryone() + mine(today);
    }

    /** When the organization's next Books day starts. */
    public Instant nextDay() {
        return today().plusDays(1).atStartOfDay(profile.zone()).toInstant();
    }

    /** Whether a call of {@code priority} would be refused for the day now, and until when. */
    public synchronized Instant refusedUntil(Priority priority) {
        BooksDailyLimitException refused = refusal(priority, false);
        return refused == null ? null : refused.resumesAt();
    }

    /**
     * The earliest a call of {@code priority} may go: now if it would go now; while Zoho says the day's cap is
     * reached, the next probe (HIGH) or the organization's midnight (LOW); once the allowance is spent, midnight.
     */
    public synchronized Instant retryAt(Priority priority) {
        Instant now = clock.instant();
        BooksDailyLimitException refused = refusal(priority, false);
        if (refused == null) {
            return now;
        }
        if (dailyBlockedUntil != null && priority == Priority.HIGH) {
            Instant probe = lastProbe.plus(limits.dailyProbe());
            return probe.isBefore(dailyBlockedUntil) ? probe : dailyBlockedUntil;
        }
        return refused.resumesAt();
    }

    /** Calls started in the current minute by this instance. */
    public int startedThisMinute() {
        return queue.startedInWindow();
    }

    private synchronized BooksDailyLimitException refusal(Priority priority, boolean granting) {
        Instant now = clock.instant();
        if (dailyBlockedUntil != null) {
            if (!now.isBefore(dailyBlockedUntil)) {
                dailyBlockedUntil = null;
            } else if (priority == Priority.HIGH && !now.isBefore(lastProbe.plus(limits.dailyProbe()))) {
                if (granting) {
                    lastProbe = now;
                }
                return null;
            } else {
                return refused(dailyBlockedUntil, "Zoho answered 429 code 45: the organization's daily API limit is"
                        + " reached");
            }
        }
        LocalDate today = today();
        BudgetCoordination.DailyUsage others = coordination.others(organizationId, today);
        long mine = mine(today);
        if (priority == Priority.HIGH && others.byEveryone() + mine >= dailyAllowance()) {
            return refused(nextDay(), "dealledger's allowance of " + dailyAllowance() + " Books calls today is spent"
                    + " (the plan's " + profile.dailyCap() + " less a reserve for other apps)");
        }
        if (priority == Priority.LOW && others.byThisService() + mine >= dailyShare()) {
            return refused(nextDay(), service + "'s share of " + dailyShare() + " Books calls today is spent;"
                    + " what is left is kept for invoice pushes and webhooks");
        }
        return null;
    }

    private BooksDailyLimitException refused(Instant until, String why) {
        return new BooksDailyLimitException(organizationId, "(not sent)", until, profile.zone(), profile.zoneLabel(),
                why, false);
    }

    private synchronized void spend() {
        LocalDate today = today();
        callsToday = mine(today) + 1;
        day = today;
        coordination.spent(organizationId, today, profile.zone(), callsToday, clock.instant());
    }

    private long mine(LocalDate today) {
        return today.equals(day) ? callsToday : 0;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), profile.zone());
    }

    /** Reads Zoho's answer as a signal; the queue is told outside this budget's lock (it calls back into it). */
    private void answered(int status, String code) {
        long pauseNanos = 0;
        boolean raised = false;
        synchronized (this) {
            Instant now = clock.instant();
            boolean throttled = status == 429
                    || (status == 200 && ("44".equals(code) || "1070".equals(code) || "45".equals(code)));
            if (throttled && "44".equals(code)) {
                blocksInARow++;
                blocks[0].increment();
                Duration pause = window.multipliedBy(1L << Math.min(blocksInARow - 1, 3));
                pauseNanos = (pause.compareTo(LONGEST_BLOCK) > 0 ? LONGEST_BLOCK : pause).plus(CallBudget.SLACK).toNanos();
            } else if (throttled && "1070".equals(code)) {
                blocks[1].increment();
                inFlightCeiling = Math.max(1, Math.min(inFlightCeiling, shareOfInFlight()) / 2);
                lastThrottled = now;
            } else if (throttled && "45".equals(code)) {
                blocks[2].increment();
                dailyBlockedUntil = nextDay();
                lastProbe = now;
            } else if (!throttled && status < 500 && status != 401) {
                blocksInARow = 0;
                dailyBlockedUntil = null;
                if (inFlightCeiling < limits.inFlight() && now.isAfter(lastThrottled.plus(CALM_BEFORE_RAISE))
                        && now.isAfter(lastRaised.plus(CALM_BEFORE_RAISE))) {
                    inFlightCeiling++;
                    lastRaised = now;
                    raised = true;
                }
            }
        }
        if (pauseNanos > 0) {
            queue.pauseUntil(System.nanoTime() + pauseNanos);
        } else if (raised) {
            queue.wake();
        }
    }

    private int shareOfInFlight() {
        double fraction = coordination.fraction(organizationId);
        return fraction <= 0 ? 1 : Math.max(1, (int) Math.floor(limits.inFlight() * limits.share() * fraction));
    }

    private void register(MeterRegistry meters) {
        String[] codes = {"44", "1070", "45"};
        for (int i = 0; i < codes.length; i++) {
            blocks[i] = Counter.builder("dealledger.books.blocks")
                    .description("Books 429s seen: 44 blocked for the minute, 1070 too many in flight, 45 daily cap")
                    .tag("org", organizationId).tag("service", service).tag("code", codes[i]).register(meters);
        }
        for (Priority priority : Priority.values()) {
            waits[priority.ordinal()] = Timer.builder("dealledger.books.budget.wait")
                    .description("How long calls waited for the organization's Books budget")
                    .tag("org", organizationId).tag("service", service)
                    .tag("priority", priority.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
        }
        gauge(meters, "dealledger.books.budget.limit", "minute", "Books calls this instance may start per minute",
                () -> minuteLimit());
        gauge(meters, "dealledger.books.budget.used", "minute", "Books calls this instance started in the last minute",
                () -> startedThisMinute());
        gauge(meters, "dealledger.books.budget.remaining", "minute", "Books calls this instance may still start this"
                + " minute", () -> Math.max(0, minuteLimit() - startedThisMinute()));
        gauge(meters, "dealledger.books.budget.limit", "day", "Books calls this service may spend today (its share of"
                + " the plan's cap)", this::dailyShare);
        gauge(meters, "dealledger.books.budget.used", "day", "Books calls this service spent today, every instance",
                this::serviceCallsToday);
        gauge(meters, "dealledger.books.budget.remaining", "day", "Books calls left of this service's share today",
                () -> Math.max(0, dailyShare() - serviceCallsToday()));
        Gauge.builder("dealledger.books.budget.in.flight.limit", this, BooksOrgBudget::inFlightLimit)
                .description("Books calls this instance may have in flight now").tag("org", organizationId)
                .tag("service", service).register(meters);
        Gauge.builder("dealledger.books.daily.calls", this, BooksOrgBudget::deploymentCallsToday)
                .description("Books calls the whole deployment spent on the organization today")
                .tag("org", organizationId).tag("service", service).register(meters);
        Gauge.builder("dealledger.books.daily.cap", this, budget -> budget.profile().dailyCap())
                .description("The organization's daily Books API cap (its plan's, or configured)")
                .tag("org", organizationId).tag("service", service).register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String window, String description,
                       java.util.function.LongSupplier value) {
        Gauge.builder(name, this, budget -> value.getAsLong()).description(description).tag("org", organizationId)
                .tag("service", service).tag("window", window).register(meters);
    }

    /** The budget as a call sees it: first the organization's profile (time zone, cap), then a permit. */
    public record View(BooksOrgBudget budget, java.util.function.Supplier<Mono<Void>> profileKnown) implements Budget {
        @Override
        public Mono<Permit> acquire(Priority priority) {
            return profileKnown.get().then(budget.acquire(priority));
        }
    }

    private final class SignalledPermit implements Permit {
        private final Permit slot;

        SignalledPermit(Permit slot) {
            this.slot = slot;
        }

        @Override
        public void answered(int httpStatus, String zohoCode) {
            BooksOrgBudget.this.answered(httpStatus, zohoCode);
        }

        @Override
        public void close() {
            slot.close();
        }
    }
}
