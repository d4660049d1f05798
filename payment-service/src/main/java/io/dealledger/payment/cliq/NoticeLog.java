package io.dealledger.payment.cliq;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.dealledger.events.PaymentNoticePosted;

import org.apache.avro.specific.SpecificRecord;

/**
 * Payments claimed for a Cliq announcement (org:payment), rebuilt from payment.notices.v1 at start and followed
 * after. Each claim is a {@code PaymentNoticePosted} with an event id of its own, keyed by org:payment: every claim
 * of one payment lands on one partition, which every instance reads in the same order, so the first claim there is
 * the one announcement, whichever instance made it (the gateway's nonces work the same way).
 */
public class NoticeLog {

    /** org:payment → the event id of the first claim read. */
    private final Map<String, String> firstClaims = new ConcurrentHashMap<>();

    /** This instance posted it (its claim may not be read back yet). */
    public void remember(String org, String paymentId) {
        firstClaims.putIfAbsent(org + ":" + paymentId, "");
    }

    /** A record of payment.notices.v1 as it is read back, at start and after; only notices are kept. */
    public void readBack(String key, SpecificRecord record) {
        if (record instanceof PaymentNoticePosted notice) {
            firstClaims.putIfAbsent(notice.getOrganizationId() + ":" + notice.getPaymentId(),
                    String.valueOf(notice.getEventId()));
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Whether the payment is claimed (announced, or about to be) by any instance, as far as read. */
    public boolean posted(String org, String paymentId) {
        return firstClaims.containsKey(org + ":" + paymentId);
    }

    /** The event id of the payment's first claim, once read back; empty if none is read within {@code wait}. */
    public synchronized Optional<String> firstClaim(String org, String paymentId, Duration wait)
            throws InterruptedException {
        String key = org + ":" + paymentId;
        long deadline = System.nanoTime() + wait.toNanos();
        while (!firstClaims.containsKey(key)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return Optional.of(firstClaims.get(key));
    }
}
