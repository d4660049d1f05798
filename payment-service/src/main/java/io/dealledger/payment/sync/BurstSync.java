package io.dealledger.payment.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.dealledger.core.time.BooksTime;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.zoho.books.BooksRecords.AppliedPayment;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.Payment;

/**
 * A burst of webhooks for one organization, checked with list reads instead of one read each (docs/architecture.md,
 * "API economy"). One list of the invoices Books changed since the burst began (200 a page, newest first, read until
 * every invoice the burst touches is seen) gives each invoice's total and balance. An invoice is confirmed when its
 * balance is exactly what the ledger would hold with the burst's payments applied as notified; every payment whose
 * invoices are all confirmed is then synced from its notification, with no read of its own. An invoice notified as
 * changed is settled when its row is what the ledger now holds. An invoice that does not add up is read back whole,
 * once, whatever number of notifications touched it; a payment on an invoice the ledger has not imported yet is left
 * to the one-by-one path (which imports it).
 *
 * <p>While a burst is still arriving, Books is ahead of the notifications read so far: an invoice whose balance is
 * lower than the ledger with the hints would make it has, most likely, payments whose webhooks are still queued
 * behind. Such an invoice, when its caller lets it ({@code mayWait}), is neither confirmed nor read back: it and the
 * hints on it wait for the next batch, where the queued notifications make it add up at the cost of one more list
 * read. An invoice whose balance is higher than expected (a payment edited down or deleted) is read back at once.
 */
public class BurstSync {

    /** Webhooks carry the payment's last_modified_time; this much earlier is read too (clock skew, edits). */
    private static final Duration SKEW = Duration.ofMinutes(2);
    private static final int MAX_ROWS = 2000;

    private final BooksReader books;
    private final BooksSync sync;

    public BurstSync(BooksReader books, BooksSync sync) {
        this.books = books;
        this.sync = sync;
    }

    /** A payment as its webhook described it. */
    public record PaymentHint(String paymentId, String customerId, BigDecimal amount, String currency, LocalDate date,
                              Map<String, BigDecimal> applications, Instant occurredAt, String lastModifiedTime) {
    }

    /**
     * @param hints    one per payment (the latest notification of each)
     * @param notifiedInvoices invoices notified as changed (each once)
     * @param earliest when the burst's earliest notification happened (Books' last_modified_time)
     * @param mayWait  whether an invoice Books shows ahead of the hints may wait for the notifications still queued
     * @return what each payment it settled gave, the notified invoices it settled, the payments and notified invoices
     *         that wait (a payment or invoice in none of these is for the one-by-one path), and what reading back the
     *         invoices that did not add up gave
     */
    public Result confirm(String org, List<PaymentHint> hints, Set<String> notifiedInvoices, Instant earliest,
                          Predicate<String> mayWait, Trigger trigger) {
        Map<String, List<PaymentHint>> byInvoice = new LinkedHashMap<>();
        Set<PaymentHint> needsImport = new HashSet<>();
        for (PaymentHint hint : hints) {
            Set<String> invoices = new LinkedHashSet<>(hint.applications().keySet());
            invoices.addAll(sync.knownInvoicesOf(org, hint.paymentId()).keySet());
            for (String invoiceId : invoices) {
                InvoiceState known = sync.known(org, invoiceId);
                if (!known.imported() || known.total() == null || known.voided()
                        || known.reversedPayments().contains(hint.paymentId())) {
                    needsImport.add(hint);
                }
                byInvoice.computeIfAbsent(invoiceId, id -> new ArrayList<>()).add(hint);
            }
        }
        Set<String> touched = new LinkedHashSet<>(byInvoice.keySet());
        touched.addAll(notifiedInvoices);
        Map<String, Invoice> rows = rows(org, earliest.minus(SKEW), touched);
        Set<String> confirmed = new HashSet<>();
        Set<String> waitingInvoices = new HashSet<>();
        Set<String> readBack = new LinkedHashSet<>();
        for (Map.Entry<String, List<PaymentHint>> entry : byInvoice.entrySet()) {
            String invoiceId = entry.getKey();
            if (entry.getValue().stream().anyMatch(needsImport::contains)) {
                continue;
            }
            Integer gap = gap(org, invoiceId, entry.getValue(), rows.get(invoiceId));
            if (gap != null && gap == 0) {
                confirmed.add(invoiceId);
            } else if (gap != null && gap < 0 && mayWait.test(invoiceId)) {
                waitingInvoices.add(invoiceId);
            } else {
                readBack.add(invoiceId);
            }
        }
        Map<PaymentHint, SyncResult> settled = new LinkedHashMap<>();
        Set<PaymentHint> waiting = new LinkedHashSet<>();
        SyncResult readBackFacts = SyncResult.NOTHING;
        for (String invoiceId : readBack) {
            readBackFacts = readBackFacts.and(sync.invoice(org, invoiceId, trigger).orElse(SyncResult.NOTHING));
        }
        for (PaymentHint hint : hints) {
            if (needsImport.contains(hint)) {
                continue;
            }
            Set<String> invoices = new HashSet<>(hint.applications().keySet());
            invoices.addAll(sync.knownInvoicesOf(org, hint.paymentId()).keySet());
            if (confirmed.containsAll(invoices)) {
                settled.put(hint, sync.payment(org, payment(hint), trigger));
            } else if (readBack.containsAll(invoices)) {
                // every invoice it touches was read back whole just now, with this payment on it as Books has it
                settled.put(hint, SyncResult.NOTHING);
            } else if (invoices.stream().anyMatch(waitingInvoices::contains) && invoices.stream()
                    .allMatch(id -> confirmed.contains(id) || readBack.contains(id) || waitingInvoices.contains(id))) {
                waiting.add(hint);
            }
        }
        Set<String> settledInvoices = new LinkedHashSet<>();
        Set<String> waitingNotified = new LinkedHashSet<>();
        for (String invoiceId : notifiedInvoices) {
            Invoice row = rows.get(invoiceId);
            if (readBack.contains(invoiceId)) {
                settledInvoices.add(invoiceId);
            } else if (row != null && InvoiceRows.unchanged(row, sync.known(org, invoiceId))) {
                // what Books lists is what the ledger holds, the burst's payments included
                settledInvoices.add(invoiceId);
            } else if (row != null && mayWait.test(invoiceId) && (waitingInvoices.contains(invoiceId)
                    || sync.known(org, invoiceId).imported() && isAhead(gap(org, invoiceId, List.of(), row)))) {
                waitingNotified.add(invoiceId);
            } else if (row != null && sync.known(org, invoiceId).imported()) {
                readBackFacts = readBackFacts.and(sync.invoice(org, invoiceId, trigger).orElse(SyncResult.NOTHING));
                readBack.add(invoiceId);
                settledInvoices.add(invoiceId);
            }
        }
        return new Result(settled, settledInvoices, waiting, waitingNotified, readBackFacts, readBack.size());
    }

    /**
     * @param settledInvoices  notified invoices the burst settled
     * @param waiting          payments on an invoice Books shows ahead, waiting for the notifications still queued
     * @param waitingInvoices  notified invoices Books shows ahead, waiting likewise
     * @param invoicesReadBack invoices that did not add up and were read back whole
     */
    public record Result(Map<PaymentHint, SyncResult> settled, Set<String> settledInvoices, Set<PaymentHint> waiting,
                         Set<String> waitingInvoices, SyncResult readBack, int invoicesReadBack) {
    }

    private static boolean isAhead(Integer gap) {
        return gap != null && gap < 0;
    }

    /**
     * How Books' balance compares with what the ledger would hold with the hinted payments applied as notified: 0
     * when it adds up, negative when Books counts more money on it, positive when less; null when the balances say
     * nothing (no row, another total, a void, a draft Books now counts).
     */
    private Integer gap(String org, String invoiceId, List<PaymentHint> hints, Invoice row) {
        InvoiceState known = sync.known(org, invoiceId);
        if (row == null || row.total() == null || row.balance() == null || known.total() == null
                || known.total().compareTo(row.total()) != 0 || "void".equalsIgnoreCase(row.status())
                || row.status() != null && !InvoiceState.standingOf(row.status()).equals(known.standing())) {
            // a draft Books now shows as sent or paid (marked sent, or paid and so sent) is read back whole,
            // so the ledger learns that it counts
            return null;
        }
        Map<String, BigDecimal> paid = new HashMap<>(known.payments());
        for (PaymentHint hint : hints) {
            BigDecimal amount = hint.applications().get(invoiceId);
            if (amount == null || amount.signum() <= 0) {
                paid.remove(hint.paymentId());
            } else {
                paid.put(hint.paymentId(), amount);
            }
        }
        return row.balance().compareTo(known.balanceWith(paid));
    }

    /**
     * The invoices Books changed since the burst began, newest first, until every touched one is seen. A page that
     * does not come within the read timeout fails the burst's records into the retry and dead-letter path, as any
     * other read does, instead of holding the listener for good (rows are only collected here, so the wait between
     * two rows is Books' alone).
     */
    private Map<String, Invoice> rows(String org, Instant since, Set<String> touched) {
        Map<String, Invoice> rows = new HashMap<>();
        Set<String> missing = new HashSet<>(touched);
        for (Invoice row : books.invoices(org, Map.of("last_modified_time", BooksTime.format(since),
                        "sort_column", "last_modified_time", "sort_order", "D"))
                .takeWhile(row -> !missing.isEmpty() && !BooksTime.parse(row.lastModifiedTime()).map(t -> t.isBefore(since))
                        .orElse(false))
                .take(MAX_ROWS).timeout(books.timeout()).toIterable(1)) {
            rows.put(row.invoiceId(), row);
            missing.remove(row.invoiceId());
        }
        return rows;
    }

    private static Payment payment(PaymentHint hint) {
        List<AppliedPayment> applied = new ArrayList<>();
        hint.applications().forEach((invoiceId, amount) -> applied.add(new AppliedPayment(invoiceId, null, null, amount)));
        return new Payment(hint.paymentId(), null, hint.customerId(), hint.date(), hint.currency(), hint.amount(),
                BigDecimal.ZERO, BigDecimal.ZERO, applied, hint.lastModifiedTime());
    }
}
