package io.dealledger.payment.cliq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.dealledger.events.PaymentNoticePosted;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.cliq.CliqClient;
import io.dealledger.zoho.http.ZohoAuthorizationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces each payment once in the configured Cliq channel, after its facts are on Kafka, once across every
 * instance: an instance first claims the announcement (a PaymentNoticePosted of its own on payment.notices.v1,
 * keyed org:payment) and posts only if its claim is the first read back there ({@link NoticeLog}); a payment
 * another instance claimed is skipped. A post that fails is logged and counted, and the instance that holds the
 * claim tries again the next time it sees the payment. Cliq being down never holds up a fact. Cliq posts with the
 * same OAuth token as Books and CRM, so a token without Cliq's scope is refused on every post: that is logged once as an
 * error naming the scope, counted as {@code unauthorized}, and posting pauses for {@link #AUTHORIZATION_PAUSE}
 * instead of failing (and asking for tokens) once per payment.
 */
public class PaymentNotices {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotices.class);

    /** How long posting rests after Cliq refused the token: a scope is granted by a person, not by retrying. */
    static final Duration AUTHORIZATION_PAUSE = Duration.ofMinutes(10);

    private final CliqClient cliq;
    private final String channel;
    private final boolean enabled;
    private final LedgerMemory memory;
    private final NoticeLog posted;
    private final FactPublisher publisher;
    private final PaymentMetrics metrics;
    private final Duration timeout;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Claims this instance made and has not posted yet (org:payment → claim id): posted at the next sighting. */
    private final java.util.Map<String, String> unposted = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    public PaymentNotices(CliqClient cliq, String channel, boolean enabled, LedgerMemory memory, NoticeLog posted,
                          FactPublisher publisher, PaymentMetrics metrics, Duration timeout) {
        this(cliq, channel, enabled, memory, posted, publisher, metrics, timeout, Clock.systemUTC());
    }

    public PaymentNotices(CliqClient cliq, String channel, boolean enabled, LedgerMemory memory, NoticeLog posted,
                          FactPublisher publisher, PaymentMetrics metrics, Duration timeout, Clock clock) {
        this.clock = clock;
        this.cliq = cliq;
        this.channel = channel;
        this.enabled = enabled;
        this.memory = memory;
        this.posted = posted;
        this.publisher = publisher;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    public void announce(String org, Collection<String> paymentIds) {
        if (enabled && !clock.instant().isBefore(pausedUntil)) {
            paymentIds.forEach(paymentId -> announce(org, paymentId));
        }
    }

    private void announce(String org, String paymentId) {
        String key = org + ":" + paymentId;
        String mine = unposted.get(key);
        if (posted.posted(org, paymentId) && mine == null || !inFlight.add(key)) {
            return;
        }
        try {
            CliqClient.Message message = PaymentNotice.of(paymentId, memory.invoicesOfPayment(org, paymentId));
            if (message == null) {
                return;
            }
            // claimed first, posted only by the first claim: two instances seeing the payment at once (a webhook
            // here, the poller there) announce it once between them
            String claim = mine;
            if (claim == null) {
                claim = UUID.randomUUID().toString();
                unposted.put(key, claim);
                publisher.publish(Topics.PAYMENT_NOTICES, key, PaymentNoticePosted.newBuilder().setEventId(claim)
                        .setOccurredAt(java.time.Instant.now()).setSource("payment-service").setOrganizationId(org)
                        .setPaymentId(paymentId).setChannel(channel).build());
            }
            Optional<String> first = posted.firstClaim(org, paymentId, timeout);
            if (first.isEmpty()) {
                metrics.cliqPost("failed");
                log.warn("event=cliq_notice_failed org={} payment={} reason=claim_not_read_back", org, paymentId);
                return;
            }
            if (!first.get().equals(claim)) {
                unposted.remove(key);
                metrics.cliqPost("claimed_elsewhere");
                log.info("event=cliq_notice_skipped org={} payment={} reason=claimed_by_another_instance", org,
                        paymentId);
                return;
            }
            cliq.post(channel, message).block(timeout);
            posted.remember(org, paymentId);
            unposted.remove(key);
            metrics.cliqPost("posted");
            log.info("event=cliq_notice_posted org={} payment={} channel={}", org, paymentId, channel);
        } catch (ZohoAuthorizationException e) {
            pausedUntil = clock.instant().plus(AUTHORIZATION_PAUSE);
            metrics.cliqPost("unauthorized");
            log.error("event=cliq_notice_unauthorized org={} payment={} channel={} paused_until={} reason=\"{}\""
                            + " fix=\"grant the OAuth client {} (the token Books and CRM use), or set"
                            + " PAYMENT_CLIQ_ENABLED=false\"", org, paymentId, channel, pausedUntil, e.getMessage(),
                    e.scope() == null ? "ZohoCliq.Webhooks.CREATE" : e.scope());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metrics.cliqPost("failed");
            log.warn("event=cliq_notice_failed org={} payment={} channel={} reason=interrupted", org, paymentId,
                    channel);
        } catch (RuntimeException e) {
            metrics.cliqPost("failed");
            log.warn("event=cliq_notice_failed org={} payment={} channel={} reason={}", org, paymentId, channel,
                    e.toString());
        } finally {
            inFlight.remove(key);
        }
    }
}
