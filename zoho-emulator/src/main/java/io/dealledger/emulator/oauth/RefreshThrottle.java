package io.dealledger.emulator.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.limits.LimitSettings;

/**
 * Zoho lets one refresh token create at most ten access tokens in ten minutes; the rest of that window
 * is blocked. Counts only successful refreshes.
 */
@Component
public class RefreshThrottle implements io.dealledger.emulator.reset.Resettable {

    private final Map<String, Deque<Instant>> issued = new HashMap<>();
    private final EmulatorClock clock;
    private final LimitSettings limits;

    public RefreshThrottle(EmulatorClock clock, LimitSettings limits) {
        this.clock = clock;
        this.limits = limits;
    }

    public synchronized boolean tryAcquire(String refreshToken) {
        LimitSettings.Values current = limits.current();
        if (!current.tokenRefreshLimitEnabled()) {
            return true;
        }
        Instant now = clock.now();
        Duration window = Duration.ofSeconds(current.tokenRefreshWindowSeconds());
        Deque<Instant> times = issued.computeIfAbsent(refreshToken, key -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.pollFirst();
        }
        if (times.size() >= current.tokenRefreshLimit()) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    @Override
    public synchronized void reset() {
        issued.clear();
    }
}
