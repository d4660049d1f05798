package io.dealledger.zoho.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A queue in front of one Zoho budget: at most {@code perWindow} calls started in any sliding window and
 * at most {@code inFlight} at once. Callers wait in order instead of spending a 429 (and a call of the
 * org's daily budget) to find out. The window carries a second of slack for time in transit, so Zoho's
 * own count never sees more than the limit.
 */
public final class CallBudget {

    /** Returned to the caller; closing it frees the in-flight slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final int perWindow;
    private final int inFlight;
    private final long windowNanos;
    private final Scheduler scheduler;
    private final Deque<Long> starts = new ArrayDeque<>();
    private final Deque<MonoSink<Permit>> waiting = new ArrayDeque<>();
    private int running;
    private boolean wakeUpScheduled;

    /** Transit slack added to the window: Zoho counts arrivals, we count departures. */
    static final Duration SLACK = Duration.ofSeconds(1);

    public CallBudget(int perWindow, Duration window, int inFlight) {
        this(perWindow, window.plus(SLACK), inFlight, Schedulers.parallel());
    }

    CallBudget(int perWindow, Duration effectiveWindow, int inFlight, Scheduler scheduler) {
        this.perWindow = perWindow;
        this.inFlight = inFlight;
        this.windowNanos = effectiveWindow.toNanos();
        this.scheduler = scheduler;
    }

    /** A Books budget: {@code perMinute} calls per minute, {@code inFlight} at once. */
    public static CallBudget perMinute(int perMinute, int inFlight) {
        return new CallBudget(perMinute, Duration.ofMinutes(1), inFlight);
    }

    /** A pure concurrency budget (CRM). */
    public static CallBudget concurrency(int inFlight) {
        return new CallBudget(Integer.MAX_VALUE, Duration.ZERO, inFlight, Schedulers.parallel());
    }

    /** Waits for a permit; cancelling the wait gives up the place in the queue. */
    public Mono<Permit> acquire() {
        return Mono.create(sink -> {
            synchronized (this) {
                waiting.addLast(sink);
            }
            sink.onCancel(() -> {
                synchronized (this) {
                    waiting.remove(sink);
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

    private void drain() {
        while (true) {
            MonoSink<Permit> next;
            synchronized (this) {
                long now = System.nanoTime();
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (waiting.isEmpty() || running >= inFlight) {
                    return;
                }
                if (starts.size() >= perWindow) {
                    scheduleWakeUp(starts.peekFirst() + windowNanos - now);
                    return;
                }
                next = waiting.pollFirst();
                running++;
                if (perWindow != Integer.MAX_VALUE) {
                    starts.addLast(now);
                }
            }
            next.success(new SlotPermit());
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
        }, Math.max(delayNanos, 0), java.util.concurrent.TimeUnit.NANOSECONDS);
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
