package io.dealledger.payment.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.dealledger.payment.facts.CreditNoteFacts;
import io.dealledger.payment.facts.Fact;
import io.dealledger.payment.facts.FactBuilder;
import io.dealledger.payment.facts.InvoiceFacts;
import io.dealledger.payment.facts.InvoiceState;
import io.dealledger.payment.facts.PaymentFacts;
import io.dealledger.payment.ledger.LedgerMemory;
import io.dealledger.payment.publish.FactPublisher;
import io.dealledger.payment.publish.Trigger;
import io.dealledger.schemas.topics.Topics;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.CreditNote;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.InvoicePayment;
import io.dealledger.zoho.books.BooksRecords.Payment;

/**
 * Reads a Books record (the truth), turns it into facts with the pure {@code facts} classes, and publishes
 * those the ledger does not have yet. Used alike by notifications, the poller, links and the backfill.
 */
public class BooksSync {

    private final BooksReader books;
    private final LedgerMemory memory;
    private final FactPublisher publisher;
    private final Clock clock;
    private final InvoiceLocks locks;
    /** Shared with the same sync at other priorities ({@link #at}). */
    private final java.util.concurrent.atomic.AtomicReference<InvoiceSightings> sightings;

    public BooksSync(BooksReader books, LedgerMemory memory, FactPublisher publisher, Clock clock) {
        this(books, memory, publisher, clock, new InvoiceLocks(),
                new java.util.concurrent.atomic.AtomicReference<>(InvoiceSightings.NONE));
    }

    private BooksSync(BooksReader books, LedgerMemory memory, FactPublisher publisher, Clock clock, InvoiceLocks locks,
                      java.util.concurrent.atomic.AtomicReference<InvoiceSightings> sightings) {
        this.sightings = sightings;
        this.books = books;
        this.memory = memory;
        this.publisher = publisher;
        this.clock = clock;
        this.locks = locks;
    }

    /** The same sync reading Books at {@code priority} (the poller's LOW), under the same invoice locks. */
    public BooksSync at(io.dealledger.zoho.limits.Priority priority) {
        return new BooksSync(books.at(priority), memory, publisher, clock, locks, sightings);
    }

    /** Runs {@code work} once no sync of this instance is running, none starting meanwhile (a rebalance's hand-over). */
    public void quiesce(Runnable work) {
        locks.withAll(work);
    }

    /** Whether this instance owns the organization (holds its state, does its work). */
    public boolean owns(String org) {
        return memory.owns(org);
    }

    /** What payment-service has said about the invoice so far. */
    public InvoiceState known(String org, String invoiceId) {
        return memory.invoice(org, invoiceId);
    }

    /** The invoices the ledger has counted the payment on. */
    public Map<String, InvoiceState> knownInvoicesOf(String org, String paymentId) {
        return memory.invoicesOfPayment(org, paymentId);
    }

    /** Re-reads an invoice; empty when Books does not have it. */
    public Optional<SyncResult> invoice(String org, String invoiceId, Trigger trigger) {
        return books.invoice(org, invoiceId).map(invoice -> invoice(org, invoice, trigger));
    }

    /**
     * An invoice as Books just answered it. Its payments and credits are read only when Books' payment_made or
     * credits_applied differ from what the ledger counts (API economy: most sightings cost no extra call).
     */
    public SyncResult invoice(String org, Invoice invoice, Trigger trigger) {
        return invoiceAlone(org, invoice, trigger).and(sightings.get().seen(org, invoice, trigger));
    }

    /** {@link #invoice(String, Invoice, Trigger)} without telling the sightings (a link being made). */
    public SyncResult invoiceAlone(String org, Invoice invoice, Trigger trigger) {
        String key = Topics.ledgerFactKey(org, invoice.invoiceId());
        return locks.with(List.of(key), () -> {
            InvoiceState known = memory.invoice(org, invoice.invoiceId());
            List<InvoicePayment> payments = invoice.paymentMade().compareTo(known.paid()) != 0
                    ? books.invoicePayments(org, invoice.invoiceId()) : null;
            List<CreditApplication> credits = invoice.creditsApplied().compareTo(known.credited()) != 0
                    ? books.creditsApplied(org, invoice.invoiceId()) : null;
            Set<String> deleted = payments == null ? Set.of() : deletedPayments(org, known, payments);
            List<Fact> facts = InvoiceFacts.of(facts(org), invoice, payments, credits, deleted, known);
            return new SyncResult(facts, publisher.publish(facts, trigger));
        });
    }

    /** Who is told of each invoice synced (auto-association); set once at wiring. */
    public void tellSightingsTo(InvoiceSightings sightings) {
        this.sightings.set(sightings);
    }

    /** Re-reads a payment; empty when Books does not have it (deleted). */
    public Optional<SyncResult> payment(String org, String paymentId, Trigger trigger) {
        return books.payment(org, paymentId).map(payment -> payment(org, payment, trigger));
    }

    /**
     * A payment as Books answered it: one PaymentApplied per invoice; invoices the ledger lacks are imported. A
     * list row, which does not carry the payment's applications, is first read whole: its missing applications
     * mean "not said", never "unapplied".
     */
    public SyncResult payment(String org, Payment payment, Trigger trigger) {
        if (!payment.applicationsKnown()) {
            return payment(org, payment.paymentId(), trigger).orElse(SyncResult.NOTHING);
        }
        Map<String, InvoiceState> known = memory.invoicesOfPayment(org, payment.paymentId());
        Set<String> invoiceIds = new LinkedHashSet<>(known.keySet());
        payment.invoices().forEach(applied -> invoiceIds.add(applied.invoiceId()));
        SyncResult synced = locks.with(keys(org, invoiceIds), () -> {
            List<Fact> facts = PaymentFacts.of(facts(org), payment, memory.invoicesOfPayment(org, payment.paymentId()));
            return new SyncResult(facts, publisher.publish(facts, trigger));
        });
        return synced.and(importMissing(org, invoiceIds, trigger));
    }

    /**
     * Books said a payment was deleted. Confirmed by asking Books: if it still has the payment, the hint was
     * wrong and the payment is synced as it is; otherwise its money leaves every invoice it was counted on.
     */
    public SyncResult paymentDeleted(String org, String paymentId, List<String> notifiedInvoiceIds, Trigger trigger) {
        Optional<Payment> still = books.payment(org, paymentId);
        if (still.isPresent()) {
            return payment(org, still.get(), trigger);
        }
        Set<String> invoiceIds = new LinkedHashSet<>(notifiedInvoiceIds);
        invoiceIds.addAll(memory.invoicesOfPayment(org, paymentId).keySet());
        return locks.with(keys(org, invoiceIds), () -> {
            Map<String, InvoiceState> known = new HashMap<>();
            invoiceIds.forEach(id -> known.put(id, memory.invoice(org, id)));
            List<Fact> facts = PaymentFacts.deleted(facts(org), paymentId, known);
            return new SyncResult(facts, publisher.publish(facts, trigger));
        });
    }

    /** Re-reads a credit note with its applications and refunds; empty when Books does not have it. */
    public Optional<SyncResult> creditNote(String org, String creditNoteId, Trigger trigger) {
        Optional<CreditNote> note = books.creditNote(org, creditNoteId);
        if (note.isEmpty()) {
            return Optional.empty();
        }
        List<CreditApplication> applications = books.creditNoteInvoices(org, creditNoteId);
        var refunds = books.creditNoteRefunds(org, creditNoteId);
        Set<String> invoiceIds = new LinkedHashSet<>(memory.invoicesOfCreditNote(org, creditNoteId).keySet());
        applications.forEach(a -> invoiceIds.add(a.invoiceId()));
        if (note.get().invoiceId() != null) {
            invoiceIds.add(note.get().invoiceId());
        }
        SyncResult synced = locks.with(keys(org, invoiceIds), () -> {
            List<Fact> facts = CreditNoteFacts.of(facts(org), note.get(), applications, refunds,
                    memory.invoicesOfCreditNote(org, creditNoteId));
            return new SyncResult(facts, publisher.publish(facts, trigger));
        });
        return Optional.of(synced.and(importMissing(org, invoiceIds, trigger)));
    }

    /** Facts built elsewhere (links, issued invoices), published under their invoice's lock. */
    public SyncResult publish(String org, String invoiceId, List<Fact> facts, Trigger trigger) {
        return locks.with(List.of(Topics.ledgerFactKey(org, invoiceId)),
                () -> new SyncResult(facts, publisher.publish(facts, trigger)));
    }

    public FactBuilder facts(String org) {
        return new FactBuilder(org, clock.instant());
    }

    private SyncResult importMissing(String org, Set<String> invoiceIds, Trigger trigger) {
        SyncResult result = SyncResult.NOTHING;
        for (String invoiceId : invoiceIds) {
            if (!memory.invoice(org, invoiceId).imported()) {
                result = result.and(invoice(org, invoiceId, trigger).orElse(SyncResult.NOTHING));
            }
        }
        return result;
    }

    /** Payments the ledger counts on the invoice that Books no longer lists there, and no longer has at all. */
    private Set<String> deletedPayments(String org, InvoiceState known, List<InvoicePayment> payments) {
        Set<String> listed = new HashSet<>();
        payments.forEach(p -> listed.add(p.paymentId()));
        Set<String> deleted = new HashSet<>();
        for (String paymentId : known.payments().keySet()) {
            if (!listed.contains(paymentId) && books.payment(org, paymentId).isEmpty()) {
                deleted.add(paymentId);
            }
        }
        return deleted;
    }

    private static List<String> keys(String org, Set<String> invoiceIds) {
        List<String> keys = new ArrayList<>();
        invoiceIds.forEach(id -> keys.add(Topics.ledgerFactKey(org, id)));
        return keys;
    }
}
