package io.dealledger.payment.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.dealledger.core.invoice.InvoiceLedger;
import io.dealledger.core.invoice.InvoiceRef;
import io.dealledger.core.invoice.InvoiceView;
import io.dealledger.core.invoice.LedgerFacts;
import io.dealledger.core.money.Money;
import io.dealledger.emulator.seed.SeedIds;
import io.dealledger.payment.support.BooksApi;
import io.dealledger.payment.support.Emulator;
import io.dealledger.payment.support.PaymentServiceTest;
import io.dealledger.schemas.serde.EventDeserializer;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.testkit.kafka.TopicProbe;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Books is the oracle (issue 17). Seeded histories of what Books users do ({@link History}) are played on the
 * emulator's Books API side by side; the webhooks each operation makes are delivered as the gateway would publish
 * them, but dropped (10 %), duplicated (10 %) and out of order (each round shuffled). Once everything is delivered
 * and the safety net has looked at every invoice once, each invoice's ledger (ledger-core's fold of the facts
 * payment-service published) must equal what Books' own API says: total, {@code payment_made},
 * {@code credits_applied}, {@code write_off_amount} and {@code balance} (nothing for a draft or a void). A history
 * that ends otherwise is shrunk to fewer operations that still diverge, and printed.
 *
 * <p>{@code bin/test} plays 200 histories. The long run: {@code mvn -pl payment-service verify -Dtest=BooksOracleIT
 * -Ddealledger.oracle.histories=5000} (any {@code -Ddealledger.oracle.seed=N} replays another set).
 */
@PaymentServiceTest
class BooksOracleIT {

    static final int HISTORIES = Integer.getInteger("dealledger.oracle.histories", 200);
    static final long SEED = Long.getLong("dealledger.oracle.seed", 17L);
    /** Histories played side by side: Books calls of one round stay short, the rest wait for the next batch. */
    static final int BATCH = 250;
    /** Only these history numbers ({@code -Ddealledger.oracle.only=598,1203}), to replay a failing one alone. */
    static final String ONLY = System.getProperty("dealledger.oracle.only", "");
    private static final String ORG = Emulator.US_ORG;
    private static final String CUSTOMER = SeedIds.BOOKS_CONTACT_SOYLENT;

    private final BooksApi books = new BooksApi(ORG);

    @Test
    void afterEverySeededHistoryEveryInvoicesLedgerEqualsWhatBooksSays() {
        List<History> histories = new ArrayList<>();
        if (ONLY.isBlank()) {
            for (int i = 0; i < HISTORIES; i++) {
                histories.add(History.generate(SEED, i));
            }
        } else {
            for (String number : ONLY.split(",")) {
                histories.add(History.generate(SEED, Integer.parseInt(number.trim())));
            }
        }
        Map<String, Integer> operations = new java.util.TreeMap<>();

        long start = System.nanoTime();
        Map<History, List<String>> diverged = new LinkedHashMap<>();
        int invoices = 0;
        for (int from = 0; from < histories.size(); from += BATCH) {
            List<Play> plays = play(histories.subList(from, Math.min(histories.size(), from + BATCH)), SEED);
            invoices += plays.stream().mapToInt(p -> p.invoiceIds().size()).sum();
            plays.forEach(p -> p.accepted().forEach((kind, n) -> operations.merge(kind, n, Integer::sum)));
            diverged.putAll(settle(plays, Duration.ofSeconds(120)));
        }
        System.out.printf("Books as the oracle: %d histories (seed %d), %d invoices, operations Books accepted %s;"
                        + " %d diverged; %d s%n", histories.size(), SEED, invoices, operations, diverged.size(),
                Duration.ofNanos(System.nanoTime() - start).toSeconds());

        if (!diverged.isEmpty()) {
            Map.Entry<History, List<String>> first = diverged.entrySet().iterator().next();
            History smallest = shrink(first.getKey());
            List<String> numbers = diverged.keySet().stream().map(h -> String.valueOf(h.number())).toList();
            throw new AssertionError(diverged.size() + " of " + histories.size() + " histories diverged from Books"
                    + " (-Ddealledger.oracle.only=" + String.join(",", numbers) + " replays them); the first: "
                    + first.getValue() + "\nshrunk to " + smallest + "\nwhich ends: "
                    + settle(play(List.of(smallest), SEED), Duration.ofSeconds(20)).values());
        }
        if (ONLY.isBlank()) {
            assertThat(operations.keySet()).as("every kind of operation accepted by Books at least once").hasSize(14);
        }
    }

    /** Plays the histories round by round; each round's webhooks are delivered with drops, duplicates and shuffles. */
    private List<Play> play(List<History> histories, long seed) {
        Random faults = new Random(seed);
        List<Play> plays = histories.stream().map(h -> new Play(h, ORG, CUSTOMER)).toList();
        while (plays.stream().anyMatch(p -> !p.done())) {
            List<Runnable> round = new ArrayList<>();
            for (Play play : plays) {
                if (!play.done()) {
                    for (Runnable webhook : play.step()) {
                        int roll = faults.nextInt(10);
                        if (roll > 0) {
                            round.add(webhook);
                        }
                        if (roll == 9) {
                            round.add(webhook);
                        }
                    }
                }
            }
            Collections.shuffle(round, faults);
            round.forEach(Runnable::run);
        }
        return plays;
    }

    /**
     * The safety net looks at every invoice once (what the poller does for a webhook that never came), then waits
     * until every invoice's ledger equals Books, or until {@code patience} passed with no history converging; answers
     * the histories that still differ. A long run's later batches wait behind the earlier batches' webhooks, so time
     * without progress, not the batch's own time, says a history will not converge.
     */
    private Map<History, List<String>> settle(List<Play> plays, Duration patience) {
        plays.forEach(play -> play.invoiceIds().forEach(invoice -> play.catchUp(invoice).run()));
        long deadline = System.nanoTime() + patience.toNanos();
        int fewest = Integer.MAX_VALUE;
        Map<History, List<String>> diverged;
        do {
            sleep();
            Map<String, List<SpecificRecord>> facts = factsByInvoice();
            diverged = new LinkedHashMap<>();
            for (Play play : plays) {
                List<String> differences = new ArrayList<>();
                for (String invoice : play.invoiceIds()) {
                    differences.addAll(compare(invoice, facts.getOrDefault(ORG + ":" + invoice, List.of())));
                }
                if (!differences.isEmpty()) {
                    diverged.put(play.history(), differences);
                }
            }
            if (diverged.size() < fewest) {
                fewest = diverged.size();
                deadline = System.nanoTime() + patience.toNanos();
            }
        } while (!diverged.isEmpty() && System.nanoTime() < deadline);
        return diverged;
    }

    private enum Field { TOTAL, PAID, CREDITED, WRITTEN_OFF, BALANCE }

    /** What differs between Books' invoice and the ledger's fold of its facts ("" when they agree). */
    private List<String> compare(String invoiceId, List<SpecificRecord> facts) {
        JsonNode invoice = books.invoice(invoiceId);
        InvoiceView view;
        try {
            InvoiceLedger ledger = InvoiceLedger.empty(new InvoiceRef(ORG, invoiceId));
            for (SpecificRecord fact : facts) {
                ledger = LedgerFacts.of(fact).map(ledger::apply).orElse(ledger);
            }
            view = ledger.view();
        } catch (RuntimeException refused) {
            return List.of(invoiceId + ": the ledger cannot hold its facts: " + refused.getMessage());
        }
        if (view.total() == null) {
            return List.of(invoiceId + ": no facts (Books: " + invoice.path("status").asString() + " "
                    + invoice.path("total").asString() + ")");
        }
        String status = invoice.path("status").asString();
        boolean counts = !"draft".equals(status) && !"void".equals(status);
        Map<Field, BigDecimal> books = new EnumMap<>(Field.class);
        books.put(Field.TOTAL, invoice.path("total").decimalValue());
        books.put(Field.PAID, invoice.path("payment_made").decimalValue());
        books.put(Field.CREDITED, invoice.path("credits_applied").decimalValue());
        books.put(Field.WRITTEN_OFF, invoice.path("write_off_amount").decimalValue());
        books.put(Field.BALANCE, counts ? invoice.path("balance").decimalValue() : BigDecimal.ZERO);
        Map<Field, Money> ledger = new EnumMap<>(Field.class);
        ledger.put(Field.TOTAL, view.total());
        ledger.put(Field.PAID, view.paid());
        ledger.put(Field.CREDITED, view.credited());
        ledger.put(Field.WRITTEN_OFF, view.writtenOff());
        ledger.put(Field.BALANCE, view.balance());
        List<String> differences = new ArrayList<>();
        books.forEach((field, expected) -> {
            if (expected.compareTo(ledger.get(field).amount()) != 0) {
                differences.add(invoiceId + " (" + status + "): " + field + " Books " + expected + ", ledger "
                        + ledger.get(field).amount());
            }
        });
        return differences;
    }

    /** Removes one operation at a time while the history still diverges when played alone. */
    private History shrink(History failing) {
        History smallest = failing;
        boolean smaller = true;
        int trials = 0;
        while (smaller && trials < 40) {
            smaller = false;
            for (int i = smallest.ops().size() - 1; i >= 0 && trials < 40; i--) {
                History candidate = smallest.without(i);
                trials++;
                if (!settle(play(List.of(candidate), SEED), Duration.ofSeconds(20)).isEmpty()) {
                    smallest = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
    }

    private static Map<String, List<SpecificRecord>> factsByInvoice() {
        Map<String, List<SpecificRecord>> byKey = new HashMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : new TopicProbe<>(Topics.LEDGER_FACTS.name(),
                new StringDeserializer(), new EventDeserializer()).records()) {
            if (record.value() != null) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
            }
        }
        return byKey;
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
