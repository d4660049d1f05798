package io.dealledger.zoho.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A queue in front of one Zoho budget: at most {@code perWindow} calls started in any sliding window and
 * at most {@code inFlight} at once, both read afresh each time (a share of an organization's budget
 * changes as instances come and go). Callers wait in order, {@link Priority#HIGH} before
 * {@link Priority#LOW} (but a waiting LOW call never waits behind more than {@link #HIGH_PER_LOW} HIGH grants), and
 * LOW calls using room no HIGH call asks for take at most half of a window, so a HIGH call arriving later still finds
 * room; nobody spends a 429 (and a call of the org's daily budget) to find out. The
 * window carries a second of slack for time in transit, so Zoho's own count never sees more than the limit.
 */
public final class CallBudget implements Budget {

    /** Transit slack added to the window: Zoho counts arrivals, we count departures. */
    static final Duration SLACK = Duration.ofSeconds(1);
    /** The part of a window {@link Priority#LOW} calls may take: the rest stays free for HIGH ones arriving later. */
    static final double LOW_SHARE_OF_WINDOW = 0.5;
    /**
     * While both wait, a {@link Priority#LOW} call goes after at most this many HIGH ones (a tenth of the grants):
     * under webhook work that fills the budget for minutes, the poller that catches dropped webhooks still runs.
     * Strictly HIGH first, a 400-history oracle run kept the poller waiting for seven minutes.
     */
    static final int HIGH_PER_LOW = 9;
    /** How often a queue whose limit is zero looks again (a share arrives with a rebalance, not a release). */
    private static final long RECHECK_NANOS = Duration.ofMillis(250).toNanos();

    private final IntSupplier perWindow;
    private final IntSupplier inFlight;
    private final long windowNanos;
    private final Scheduler scheduler;
    private final Function<Priority, RuntimeException> refusal;
    private final Deque<Long> starts = new ArrayDeque<>();
    private final Map<Priority, Deque<Waiter>> waiting = new EnumMap<>(Priority.class);
    private int running;
    private long pausedUntil;
    private boolean wakeUpScheduled;
    /** HIGH grants since the last LOW one, counted while a LOW call waited. */
    private int highsWhileLowWaited;

    /**
     * A call waiting for its permit. {@code granted} is set under the budget's lock when the permit is handed out, so a
     * caller that leaves at that very moment (its sink cancelled before the permit reached it) has the permit closed
     * rather than leaked: a leaked permit is an in-flight slot held for good, and with every slot leaked no Books call
     * would ever start again.
     */
    private static final class Waiter {
        private final MonoSink<Permit> sink;
        private final Priority priority;
        private SlotPermit granted;

        private Waiter(MonoSink<Permit> sink, Priority priority) {
            this.sink = sink;
            this.priority = priority;
        }

        MonoSink<Permit> sink() {
            return sink;
        }

        Priority priority() {
            return priority;
        }
    }

    public CallBudget(int perWindow, Duration window, int inFlight) {
        this(() -> perWindow, window.plus(SLACK), () -> inFlight, Schedulers.parallel(), priority -> null);
    }

    CallBudget(int perWindow, Duration effectiveWindow, int inFlight, Scheduler scheduler) {
        this(() -> perWindow, effectiveWindow, () -> inFlight, scheduler, priority -> null);
    }

    /**
     * @param perWindow       calls that may start per window, read at every grant
     * @param effectiveWindow the window, slack included
     * @param inFlight        calls that may run at once, read at every grant
     * @param refusal         checked when a waiter's turn comes: an error to fail it with instead (a day's
     *                        budget spent while it waited), or null
     */
    CallBudget(IntSupplier perWindow, Duration effectiveWindow, IntSupplier inFlight, Scheduler scheduler,
               Function<Priority, RuntimeException> refusal) {
        this.perWindow = perWindow;
        this.inFlight = inFlight;
        this.windowNanos = effectiveWindow.toNanos();
        this.scheduler = scheduler;
        this.refusal = refusal;
        for (Priority priority : Priority.values()) {
            waiting.put(priority, new ArrayDeque<>());
        }
    }

    /** A Books budget: {@code perMinute} calls per minute, {@code inFlight} at once. */
    public static CallBudget perMinute(int perMinute, int inFlight) {
        return new CallBudget(perMinute, Duration.ofMinutes(1), inFlight);
    }

    /** A pure concurrency budget (CRM). */
    public static CallBudget concurrency(int inFlight) {
        return new CallBudget(() -> Integer.MAX_VALUE, Duration.ZERO, () -> inFlight, Schedulers.parallel(),
                priority -> null);
    }

    /** Waits for a permit at {@link Priority#HIGH}. */
    public Mono<Permit> acquire() {
        return acquire(Priority.HIGH);
    }

    @Override
    public Mono<Permit> acquire(Priority priority) {
        return Mono.create(sink -> {
            Waiter waiter = new Waiter(sink, priority);
            synchronized (this) {
                waiting.get(priority).addLast(waiter);
            }
            sink.onCancel(() -> {
                SlotPermit orphan;
                synchronized (this) {
                    if (waiting.get(priority).remove(waiter)) {
                        return;
                    }
                    orphan = waiter.granted;
                }
                // handed out as the caller left: nobody will close it but us
                if (orphan != null) {
                    orphan.close();
                }
            });
            drain();
        });
    }

    /** Runs {@code call} inside a permit, releasing it however the call ends. */
    public <T> Mono<T> run(Mono<T> call) {
        return Mono.usingWhen(acquire(), permit -> call, permit -> Mono.fromRunnable(permit::close),
                (permit, error) -> Mono.fromRunnable(permit::close), permit -> Mono.fromRunnable(permit::close));
    }

    /** No call starts before {@code nanoTime} (Zoho said the organization is blocked); waiters keep their place. */
    void pauseUntil(long nanoTime) {
        synchronized (this) {
            pausedUntil = Math.max(pausedUntil, nanoTime);
        }
        drain();
    }

    /** Looks at the queue again: a limit may have grown. */
    void wake() {
        drain();
    }

    /** Calls started in the current window. */
    synchronized int startedInWindow() {
        evict(System.nanoTime());
        return starts.size();
    }

    synchronized int running() {
        return running;
    }

    synchronized int waitingCount() {
        return waiting.values().stream().mapToInt(Deque::size).sum();
    }

    private void drain() {
        while (true) {
            Waiter next;
            SlotPermit permit = null;
            RuntimeException refused;
            synchronized (this) {
                long now = System.nanoTime();
                evict(now);
                Waiter head = head();
                if (head == null) {
                    return;
                }
                refused = refusal.apply(head.priority());
                if (refused != null) {
                    next = poll();
                } else {
                    if (now < pausedUntil) {
                        scheduleWakeUp(pausedUntil - now);
                        return;
                    }
                    int slots = inFlight.getAsInt();
                    if (slots <= 0) {
                        scheduleWakeUp(RECHECK_NANOS);
                        return;
                    }
                    if (running >= slots) {
                        return;
                    }
                    int allowed = perWindow.getAsInt();
                    if (allowed <= 0) {
                        scheduleWakeUp(RECHECK_NANOS);
                        return;
                    }
                    // LOW using room no HIGH call asks for keeps half the window free; LOW's turn among waiting
                    // HIGH calls takes a slot like them
                    if (allowed != Integer.MAX_VALUE && head.priority() == Priority.LOW
                            && waiting.get(Priority.HIGH).isEmpty()) {
                        allowed = Math.max(1, (int) Math.floor(allowed * LOW_SHARE_OF_WINDOW));
                    }
                    if (allowed != Integer.MAX_VALUE && starts.size() >= allowed) {
                        scheduleWakeUp(starts.peekFirst() + windowNanos - now);
                        return;
                    }
                    next = poll();
                    running++;
                    if (allowed != Integer.MAX_VALUE) {
                        starts.addLast(now);
                    }
                    permit = new SlotPermit();
                    next.granted = permit;
                }
            }
            if (refused != null) {
                next.sink().error(refused);
            } else {
                next.sink().success(permit);
            }
        }
    }

    /** The next waiter served: HIGH first, except that a waiting LOW call goes after {@link #HIGH_PER_LOW} HIGH ones. */
    private Waiter head() {
        Waiter high = waiting.get(Priority.HIGH).peekFirst();
        Waiter low = waiting.get(Priority.LOW).peekFirst();
        if (low != null && (high == null || highsWhileLowWaited >= HIGH_PER_LOW)) {
            return low;
        }
        return high;
    }

    private Waiter poll() {
        Waiter next = head();
        if (next != null) {
            waiting.get(next.priority()).pollFirst();
            boolean lowWaits = !waiting.get(Priority.LOW).isEmpty();
            highsWhileLowWaited = next.priority() == Priority.LOW || !lowWaits ? 0 : highsWhileLowWaited + 1;
        }
        return next;
    }

    private void evict(long now) {
        while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
            starts.pollFirst();
        }
    }

    private void scheduleWakeUp(long delayNanos) {
        if (wakeUpScheduled) {
            return;
        }
        wakeUpScheduled = true;
        scheduler.schedule(() -> {
            synchronized (this) {
                wakeUpScheduled = false;
            }
            drain();
        }, Math.max(delayNanos, 0), TimeUnit.NANOSECONDS);
    }

    private final class SlotPermit implements Permit {
        private boolean closed;

        @Override
        public void close() {
            synchronized (CallBudget.this) {
                if (closed) {
                    return;
                }
                closed = true;
                running--;
            }
            drain();
        }
    }
}
