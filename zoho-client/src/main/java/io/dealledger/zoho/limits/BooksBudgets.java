package io.dealledger.zoho.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.dealledger.zoho.ZohoSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every Books organization's budget in this process, created on first use, and what the daily budget needs of
 * each organization (its time zone and plan cap, read once a day from Books' organization list, one call for
 * every organization of the Zoho account).
 */
public final class BooksBudgets {

    private static final Logger log = LoggerFactory.getLogger(BooksBudgets.class);
    private static final Duration PROFILES_TRUSTED = Duration.ofHours(24);
    private static final Duration PROFILES_RETRY = Duration.ofMinutes(10);
    private static final Duration PROFILES_WAIT = Duration.ofSeconds(10);

    private final ZohoSettings settings;
    private final String service;
    private final BudgetCoordination coordination;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, BooksOrgBudget> budgets = new ConcurrentHashMap<>();
    private final CallBudget noOrganization = CallBudget.concurrency(2);
    private volatile Supplier<Mono<Map<String, OrgProfile>>> profileSource = () -> Mono.just(Map.of());
    private volatile Mono<Map<String, OrgProfile>> profiles;
    private volatile Instant profilesReadAt = Instant.EPOCH;

    public BooksBudgets(ZohoSettings settings, String service, BudgetCoordination coordination, Clock clock,
                        MeterRegistry meters) {
        this.settings = settings;
        this.service = service;
        this.coordination = coordination;
        this.clock = clock;
        this.meters = meters;
    }

    /** Where organization profiles are read from (Books' organization list). */
    public void profilesFrom(Supplier<Mono<Map<String, OrgProfile>>> source) {
        this.profileSource = source;
    }

    /** The budget of {@code organizationId}, created on first use; calls without an organization share a small one. */
    public Budget of(String organizationId) {
        if (organizationId == null || organizationId.isEmpty()) {
            return noOrganization;
        }
        return new BooksOrgBudget.View(orgBudget(organizationId), () -> knownProfile(organizationId));
    }

    /** The organization's budget itself, for what it tells (limits, today's use, when the day turns). */
    public BooksOrgBudget orgBudget(String organizationId) {
        return budgets.computeIfAbsent(organizationId, org -> new BooksOrgBudget(org, service,
                settings.booksBudget(org), coordination, clock, meters));
    }

    /**
     * Tells every budget to look at its queue again (this instance's share changed); on the parallel scheduler, so
     * calls let through never run on the coordination's own thread.
     */
    public void shareChanged() {
        reactor.core.scheduler.Schedulers.parallel().schedule(() -> budgets.values().forEach(BooksOrgBudget::wake));
    }

    private Mono<Void> knownProfile(String organizationId) {
        BooksOrgBudget budget = orgBudget(organizationId);
        if (budget.profile().known() && clock.instant().isBefore(profilesReadAt.plus(PROFILES_TRUSTED))) {
            return Mono.empty();
        }
        return profiles().timeout(PROFILES_WAIT).onErrorResume(e -> Mono.just(Map.of()))
                .doOnNext(read -> budget.profile(profileOf(organizationId, read.get(organizationId)))).then();
    }

    /** One read shared by every caller; a failed read is tried again after a while, meanwhile the safe defaults. */
    private Mono<Map<String, OrgProfile>> profiles() {
        Mono<Map<String, OrgProfile>> current = profiles;
        Instant now = clock.instant();
        if (current != null && now.isBefore(profilesReadAt.plus(PROFILES_TRUSTED))) {
            return current;
        }
        synchronized (this) {
            if (profiles == null || !now.isBefore(profilesReadAt.plus(PROFILES_TRUSTED))) {
                profilesReadAt = now;
                profiles = Mono.defer(() -> profileSource.get())
                        .doOnNext(read -> log.info("event=books_profiles_read service={} organizations={}", service,
                                read.keySet()))
                        .onErrorResume(e -> {
                            log.warn("event=books_profiles_unread service={} reason=\"{}\"", service, e.toString());
                            profilesReadAt = clock.instant().minus(PROFILES_TRUSTED).plus(PROFILES_RETRY);
                            return Mono.just(Map.of());
                        })
                        .cache();
            }
            return profiles;
        }
    }

    private OrgProfile profileOf(String organizationId, OrgProfile read) {
        ZohoSettings.BooksBudget limits = settings.booksBudget(organizationId);
        return (read == null ? OrgProfile.UNKNOWN : read).overriddenBy(limits.timeZone(), limits.daily());
    }
}
