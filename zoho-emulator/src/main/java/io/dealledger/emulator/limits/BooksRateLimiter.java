package io.dealledger.emulator.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;

/**
 * Books' request budgets per organization: a sliding minute (code 44) and a calendar day in the organization's
 * time zone (code 45), as Zoho resets its daily count at the organization's midnight (UNCONFIRMED: Zoho's docs say
 * "per day"; dealledger plans with the org's midnight and learns the truth from the next 45). A refused request
 * does not use up budget.
 */
@Component
public class BooksRateLimiter implements io.dealledger.emulator.reset.Resettable {

    private final Map<String, Deque<Instant>> lastMinute = new HashMap<>();
    private final Map<String, DayCount> today = new HashMap<>();
    private final EmulatorClock clock;
    private final LimitSettings limits;

    public BooksRateLimiter(EmulatorClock clock, LimitSettings limits) {
        this.clock = clock;
        this.limits = limits;
    }

    public synchronized Verdict tryAcquire(String organizationId, ZoneId zone) {
        LimitSettings.Values current = limits.current();
        if (!current.booksLimitsEnabled()) {
            return Verdict.ALLOWED;
        }
        Instant now = clock.now();
        LocalDate day = LocalDate.ofInstant(now, zone);
        DayCount count = today.get(organizationId);
        if (count == null || !count.day().equals(day)) {
            count = new DayCount(day, 0);
        }
        if (count.calls() >= current.booksDaily()) {
            return Verdict.DAILY_LIMIT;
        }
        Deque<Instant> times = lastMinute.computeIfAbsent(organizationId, key -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plusSeconds(60).isAfter(now)) {
            times.pollFirst();
        }
        if (times.size() >= current.booksPerMinute()) {
            return Verdict.MINUTE_LIMIT;
        }
        times.addLast(now);
        today.put(organizationId, new DayCount(day, count.calls() + 1));
        return Verdict.ALLOWED;
    }

    @Override
    public synchronized void reset() {
        lastMinute.clear();
        today.clear();
    }

    public enum Verdict { ALLOWED, MINUTE_LIMIT, DAILY_LIMIT }

    private record DayCount(LocalDate day, int calls) {
    }
}
