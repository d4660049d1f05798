package io.dealledger.zoho.limits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What one process learns from the rest of the deployment about an organization's Books budget, so that every
 * service and every instance together stay inside Zoho's limits (docs/architecture.md §6, docs/architecture.md "One
 * Books budget per organization"). The library itself knows no Kafka: service-kit implements this over Kafka
 * (partition shares of a consumer group, and usage records on a compacted topic); {@link #alone()} is a single
 * process that owns its whole share.
 */
public interface BudgetCoordination {

    /**
     * The part of this service's per-minute and in-flight share this instance may spend on {@code org} now,
     * from 0 (not a member yet, or a share just taken over from an instance that may still have calls in the
     * current window) to 1 (the only instance).
     */
    double fraction(String org);

    /** Calls spent on {@code org}'s Books day {@code day} by the other instances: this service's and everyone's. */
    DailyUsage others(String org, LocalDate day);

    /** This instance's running count of calls to {@code org} on {@code day} (in the org's time zone {@code zone}). */
    void spent(String org, LocalDate day, ZoneId zone, long callsToday, Instant lastCallAt);

    /** Whether this instance does {@code org}'s single-owner work (the safety-net poll); one instance at a time. */
    boolean owns(String org);

    /** A coordination whose fractions change (instances come and go) and says so, so waiting calls look again. */
    interface Observable {
        void onShareChange(Runnable listener);
    }

    /** Calls already spent by other processes on one organization's day. */
    record DailyUsage(long byThisService, long byEveryone) {
        public static final DailyUsage NONE = new DailyUsage(0, 0);
    }

    /** One process, alone with its share: nothing spent elsewhere, every organization its own. */
    static BudgetCoordination alone() {
        return new BudgetCoordination() {
            @Override
            public double fraction(String org) {
                return 1.0;
            }

            @Override
            public DailyUsage others(String org, LocalDate day) {
                return DailyUsage.NONE;
            }

            @Override
            public void spent(String org, LocalDate day, ZoneId zone, long callsToday, Instant lastCallAt) {
            }

            @Override
            public boolean owns(String org) {
                return true;
            }
        };
    }
}
