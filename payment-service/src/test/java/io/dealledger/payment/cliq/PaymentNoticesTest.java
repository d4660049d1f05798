package io.dealledger.payment.cliq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.metrics.PaymentMetrics;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.testkit.time.MovableClock;
import io.dealledger.zoho.cliq.CliqClient;
import io.dealledger.zoho.http.ZohoAuthorizationException;
import io.dealledger.zoho.http.ZohoService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Cliq refusing the token Books and CRM share is an error a person sees once, not a retry per payment. */
class PaymentNoticesTest {

    private static final String ORG = "10234695";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final CliqClient cliq = mock(CliqClient.class);
    private final LedgerMemory memory = mock(LedgerMemory.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final NoticeLog claims = new NoticeLog();
    private final FactPublisher publisher = mock(FactPublisher.class);
    private final PaymentNotices notices = new PaymentNotices(cliq, "payments-received", true, memory, claims,
            publisher, new PaymentMetrics(meters), Duration.ofSeconds(5), clock);

    PaymentNoticesTest() {
        // a claim on payment.notices.v1 is read back at once, as from a topic no other instance writes
        doAnswer(call -> {
            claims.readBack(call.getArgument(1), call.getArgument(2));
            return null;
        }).when(publisher).publish(any(io.dealledger.schemas.topics.TopicSpec.class), any(String.class),
                any(org.apache.avro.specific.SpecificRecord.class));
    }

    @Test
    void aRefusedTokenPausesPostingInsteadOfFailingOncePerPayment() {
        // Given Cliq refuses the shared token (its scope ZohoCliq.Webhooks.CREATE was not granted)
        paid("p1", "p2", "p3");
        when(cliq.post(eq("payments-received"), any())).thenReturn(Mono.error(new ZohoAuthorizationException(
                ZohoService.CLIQ, "/api/v2/channelsbyname/{name}/message", "oauthtoken_invalid",
                "Invalid OAuth token or zapikey passed.", null)));

        // When three payments are announced, then again after the pause
        notices.announce(ORG, List.of("p1"));
        notices.announce(ORG, List.of("p2", "p3"));
        clock.advance(PaymentNotices.AUTHORIZATION_PAUSE.plusSeconds(1));
        notices.announce(ORG, List.of("p3"));

        // Then Cliq was asked once before the pause and once after it, and the refusal is counted as such
        verify(cliq, times(2)).post(eq("payments-received"), any());
        assertThat(meters.counter("dealledger.payment.cliq.posts", "outcome", "unauthorized").count()).isEqualTo(2.0);
    }

    /**
     * Issue 18: two instances seeing one payment at once (a webhook on one, the poller on the other) announce it
     * once between them: each claims it on payment.notices.v1 and only the first claim there posts.
     */
    @Test
    void twoInstancesAnnouncingOnePaymentAtOncePostItOnce() throws Exception {
        // Given two instances, each with its own log, reading one partition in one order
        paid("p9");
        when(cliq.post(eq("payments-received"), any())).thenReturn(Mono.empty());
        NoticeLog first = new NoticeLog();
        NoticeLog second = new NoticeLog();
        FactPublisher topic = mock(FactPublisher.class);
        doAnswer(call -> {
            synchronized (this) {
                first.readBack(call.getArgument(1), call.getArgument(2));
                second.readBack(call.getArgument(1), call.getArgument(2));
            }
            return null;
        }).when(topic).publish(any(io.dealledger.schemas.topics.TopicSpec.class), any(String.class),
                any(org.apache.avro.specific.SpecificRecord.class));
        PaymentNotices one = new PaymentNotices(cliq, "payments-received", true, memory, first, topic,
                new PaymentMetrics(meters), Duration.ofSeconds(5), clock);
        PaymentNotices other = new PaymentNotices(cliq, "payments-received", true, memory, second, topic,
                new PaymentMetrics(meters), Duration.ofSeconds(5), clock);

        // When both announce the payment at the same moment
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Thread a = new Thread(() -> awaitThen(go, () -> one.announce(ORG, List.of("p9"))));
        Thread b = new Thread(() -> awaitThen(go, () -> other.announce(ORG, List.of("p9"))));
        a.start();
        b.start();
        go.countDown();
        a.join(10_000);
        b.join(10_000);

        // Then Cliq got one message, and the other instance counted its claim as taken elsewhere
        verify(cliq, times(1)).post(eq("payments-received"), any());
        assertThat(meters.counter("dealledger.payment.cliq.posts", "outcome", "claimed_elsewhere").count())
                .isEqualTo(1.0);
    }

    /** A post Cliq failed is tried again by the instance holding the claim at the payment's next sighting, once. */
    @Test
    void aFailedPostIsTriedAgainAtTheNextSightingThenNeverAgain() {
        // Given Cliq failing the first post and taking the second
        paid("p7");
        when(cliq.post(eq("payments-received"), any()))
                .thenReturn(Mono.error(new IllegalStateException("Cliq answered 503")), Mono.empty());

        // When the payment is announced three times
        notices.announce(ORG, List.of("p7"));
        notices.announce(ORG, List.of("p7"));
        notices.announce(ORG, List.of("p7"));

        // Then Cliq was asked twice, and the second time posted it
        verify(cliq, times(2)).post(eq("payments-received"), any());
        assertThat(meters.counter("dealledger.payment.cliq.posts", "outcome", "posted").count()).isEqualTo(1.0);
    }

    private static void awaitThen(java.util.concurrent.CountDownLatch go, Runnable work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }

    private void paid(String... paymentIds) {
        FactBuilder facts = new FactBuilder(ORG, clock.instant());
        for (String paymentId : paymentIds) {
            InvoiceState state = InvoiceState.UNKNOWN.apply(facts.paymentApplied("i-" + paymentId, paymentId,
                    new BigDecimal("100"), "USD", null, 1).event());
            when(memory.invoicesOfPayment(ORG, paymentId)).thenReturn(Map.of("i-" + paymentId, state));
        }
    }
}
