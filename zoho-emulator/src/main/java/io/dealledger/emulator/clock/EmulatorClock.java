package io.dealledger.emulator.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The emulator's notion of "now": a base clock plus an offset the admin API can move forward, so a
 * test can make invoices overdue or tokens expire without waiting.
 */
@Component
public class EmulatorClock implements io.dealledger.emulator.reset.Resettable {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public Instant now() {
        Instant pin = pinned.get();
        return pin != null ? pin : base.instant().plus(offset.get());
    }

    /**
     * Holds "now" at {@code at} until {@link #unpin()}: a journaled write runs at the instant its journal entry names,
     * so replaying the journal gives every record the same timestamps (see {@code world.WorldJournal}).
     */
    public void pin(Instant at) {
        pinned.set(at);
    }

    public void unpin() {
        pinned.set(null);
    }

    public LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    public Duration offset() {
        return offset.get();
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    public void setOffset(Duration newOffset) {
        offset.set(newOffset);
    }

    @Override
    public void reset() {
        offset.set(Duration.ZERO);
        pinned.set(null);
    }
}
