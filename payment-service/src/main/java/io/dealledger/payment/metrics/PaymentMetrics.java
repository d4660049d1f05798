package io.dealledger.payment.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** payment-service's own meters; no per-deal, per-invoice or per-payment labels. */
public class PaymentMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("dealledger.payment.notification.latency")
                .description("From a Books notification's occurredAt to its facts being on ledger.facts.v1")
                .publishPercentileHistogram().register(registry);
    }

    /** outcome: facts (some published), unchanged (nothing new), not_found, failed. */
    public void notification(String type, String outcome) {
        Counter.builder("dealledger.payment.notifications").description("Books notifications and link requests handled")
                .tag("type", type).tag("outcome", outcome).register(registry).increment();
    }

    /** via: notification, poller, link, issued, backfill. */
    public void factEmitted(String type, String via) {
        Counter.builder("dealledger.payment.facts").description("Ledger facts published")
                .tag("type", type).tag("via", via).register(registry).increment();
    }

    public void latency(Duration duration) {
        if (!duration.isNegative()) {
            latency.record(duration);
        }
    }

    /** A fact the poller published that no notification had delivered (as far as this process knows). */
    public void pollerCatch(String type) {
        Counter.builder("dealledger.payment.poller.catches")
                .description("Facts the poller found that no webhook had delivered")
                .tag("type", type).register(registry).increment();
    }

    public void poll(String entity, String outcome) {
        Counter.builder("dealledger.payment.poller.polls").description("Poller passes per Books entity")
                .tag("entity", entity).tag("outcome", outcome).register(registry).increment();
    }

    /**
     * A burst of payment notifications checked with list reads: how many payments it settled without a read of
     * their own, how many wait for the notifications still queued, of how many, and how many invoices did not add
     * up and were read back.
     */
    public void burst(int settled, int waiting, int payments, int invoicesReadBack) {
        burstPayments("settled", settled);
        burstPayments("waiting", waiting);
        burstPayments("read_one_by_one", payments - settled - waiting);
        Counter.builder("dealledger.payment.burst.invoices.read.back")
                .description("Invoices of a burst whose balance did not add up, read back whole")
                .register(registry).increment(invoicesReadBack);
    }

    private void burstPayments(String outcome, int count) {
        Counter.builder("dealledger.payment.burst.payments").description("Payment notifications in bursts, by outcome")
                .tag("outcome", outcome).register(registry).increment(count);
    }

    /** outcome: posted, failed, unauthorized (Cliq refused the token: posting pauses). */
    public void cliqPost(String outcome) {
        Counter.builder("dealledger.payment.cliq.posts").description("Payment notices posted to Cliq")
                .tag("outcome", outcome).register(registry).increment();
    }
}
