package io.dealledger.payment.poller;

import static io.dealledger.payment.support.Kafka.awaitFacts;
import static io.dealledger.payment.support.Kafka.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.events.PaymentApplied;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.BooksCalls;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.PaymentServiceTest;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The UK org is polled: payments nobody notified (every webhook dropped) still become facts within a poll. */
@PaymentServiceTest
class BooksPollerIT {

    private static final String ORG = Emulator.UK_ORG;
    private static final String INITECH = SeedIds.BOOKS_CONTACT_INITECH;

    private final BooksApi books = new BooksApi(ORG);

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void paymentsThatWereNeverNotifiedBecomeFactsThroughThePoller() {
        String first = books.createInvoice(INITECH, "1000");
        String second = books.createInvoice(INITECH, "2000");
        String partial = books.pay(INITECH, first, "250");
        String split = books.pay(INITECH, first, "100", second, "2000");

        assertThat(only(awaitFacts(ORG, second, "InvoiceImported", "PaymentApplied"), PaymentApplied.class).getPaymentId())
                .isEqualTo(split);
        assertThat(awaitFacts(ORG, first, "InvoiceImported", "PaymentApplied", "PaymentApplied").stream()
                .filter(PaymentApplied.class::isInstance).map(f -> ((PaymentApplied) f).getPaymentId()))
                .containsExactlyInAnyOrder(partial, split);
    }

    @Test
    void anIdlePassCostsOneBooksCallWhateverTheRowsItSees() {
        // Given invoices the ledger knows (paid, partly paid, untouched): rows the poller sees pass after pass
        String paid = books.createInvoice(INITECH, "300");
        books.pay(INITECH, paid, "300");
        String partly = books.createInvoice(INITECH, "500");
        books.pay(INITECH, partly, "120");
        books.createInvoice(INITECH, "700");
        awaitFacts(ORG, paid, "InvoiceImported", "PaymentApplied");
        awaitFacts(ORG, partly, "InvoiceImported", "PaymentApplied");

        // When the poller passes again and again with nothing new in Books
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = BooksCalls.all(ORG);
            long passesBefore = passes();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> passes() >= passesBefore + 3);
            long calls = BooksCalls.all(ORG) - before;
            long passes = passes() - passesBefore;
            // Then each pass is one list read: no row it saw was read back
            return calls == passes && BooksCalls.count(ORG, "GET", "/books/v3/invoices") > 0;
        });
    }

    private long passes() {
        var counter = meters.find("dealledger.payment.poller.polls").tag("outcome", "ok").counter();
        return counter == null ? 0 : (long) counter.count();
    }

    @Test
    void thePollerWritesItsCheckpointToKafka() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(checkpoints.get(ORG, BooksPoller.INVOICES)).isPresent());
    }
}
