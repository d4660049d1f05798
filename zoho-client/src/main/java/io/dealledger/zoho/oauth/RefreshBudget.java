package io.dealledger.zoho.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Zoho blocks a refresh token for the rest of a ten-minute window once it has minted ten access tokens in
 * it (zoho-api.md §1.3). This budget refuses the eleventh refresh locally instead of getting locked out.
 */
final class RefreshBudget {

    static final int MAX_REFRESHES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Deque<Instant> refreshes = new ArrayDeque<>();

    RefreshBudget(Clock clock) {
        this.clock = clock;
    }

    /** Takes one refresh from the budget, or answers when the next one will be allowed. */
    synchronized Instant tryTake() {
        return tryTake(0);
    }

    /**
     * The same, with {@code others} tokens minted in the window by the deployment's other instances: when those fill
     * the budget, the next refresh is allowed in a minute at the soonest (which of theirs leaves the window first is
     * theirs to know).
     */
    synchronized Instant tryTake(int others) {
        Instant now = clock.instant();
        while (!refreshes.isEmpty() && !refreshes.peekFirst().plus(WINDOW).isAfter(now)) {
            refreshes.pollFirst();
        }
        if (refreshes.size() + others >= MAX_REFRESHES) {
            return refreshes.size() >= MAX_REFRESHES ? refreshes.peekFirst().plus(WINDOW) : now.plus(Duration.ofMinutes(1));
        }
        refreshes.addLast(now);
        return null;
    }
}
