package io.dealledger.payment.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.schemas.EventIds;
import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.schemas.topics.Topics;

/**
 * Builds the ledger facts of one organization. Every id is derived from the Books ids that identify the money
 * event (never from time or chance), so a fact notified, polled and backfilled is one fact. (The other way round,
 * event to the ledger's fact, is ledger-core's {@code io.dealledger.core.invoice.LedgerFacts}.)
 */
public final class FactBuilder {

    static final String SOURCE = "payment-service";

    private final String org;
    private final Instant now;

    public FactBuilder(String organizationId, Instant now) {
        this.org = organizationId;
        this.now = now;
    }

    /** Terms of an invoice as first seen; the id names only the invoice, so the first sighting wins. */
    public Fact imported(InvoiceTerms terms) {
        return fact(terms.invoiceId(), InvoiceImported.newBuilder()
                .setEventId(EventIds.derive("InvoiceImported", org, terms.invoiceId()))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(terms.invoiceId())
                .setInvoiceNumber(terms.invoiceNumber()).setCustomerId(terms.customerId())
                .setTotal(money(terms.total())).setCurrency(terms.currency()).setInvoiceDate(terms.invoiceDate())
                .setDueDate(terms.dueDate()).setStatus(terms.status()).setInvoiceUrl(terms.invoiceUrl())
                .setSubTotal(terms.subTotal() == null ? null : money(terms.subTotal())).build());
    }

    /**
     * New terms, or a new status (Books' own: sent, draft...), at a Books revision, as the {@code statement}-th
     * amendment or void the ledger holds of the invoice. Books' revision has whole seconds: edits within one second
     * share it, so the revision alone would name a second edit like the first, and the ledger would keep the first
     * edit's total. The same reading of Books against the same ledger is the same fact.
     */
    public Fact amended(String invoiceId, String revision, BigDecimal total, String currency, LocalDate dueDate,
                        BigDecimal subTotal, String status, long statement) {
        return fact(invoiceId, InvoiceAmended.newBuilder()
                .setEventId(EventIds.derive("InvoiceAmended", org, invoiceId, revision,
                        InvoiceState.standingOf(status), "#" + statement))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setRevision(revision).setTotal(money(total)).setCurrency(currency).setDueDate(dueDate)
                .setSubTotal(subTotal == null ? null : money(subTotal)).setStatus(status).build());
    }

    /** The invoice tied to the deal; {@code accountId} is the deal's CRM account where known (null otherwise). */
    public Fact linked(String invoiceId, String dealId, String accountId, String requestId, Instant at) {
        return fact(invoiceId, InvoiceLinked.newBuilder()
                .setEventId(EventIds.derive("InvoiceLinked", org, invoiceId, dealId, requestId))
                .setOccurredAt(at).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setDealId(dealId).setRequestId(requestId).setAccountId(accountId).build());
    }

    public Fact unlinked(String invoiceId, String dealId, String requestId, Instant at) {
        return fact(invoiceId, InvoiceUnlinked.newBuilder()
                .setEventId(EventIds.derive("InvoiceUnlinked", org, invoiceId, dealId, requestId))
                .setOccurredAt(at).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setDealId(dealId).setRequestId(requestId).build());
    }

    public Fact linkRejected(String invoiceId, String dealId, String requestId, String code, FailureCategory category,
                             String message) {
        return fact(invoiceId, InvoiceLinkRejected.newBuilder()
                .setEventId(EventIds.derive("InvoiceLinkRejected", org, invoiceId, dealId, requestId))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setDealId(dealId).setRequestId(requestId).setCode(code).setCategory(category.name())
                .setMessage(message).build());
    }

    /**
     * The payment's amount on the invoice, as its {@code sequence}-th statement (docs/architecture.md, "The ledger"):
     * a second application of the same payment, or an edit, is a new statement with the next sequence, and the
     * highest stands. Statement 0 is a fact from before sequences (named by payment and invoice only).
     */
    public Fact paymentApplied(String invoiceId, String paymentId, BigDecimal amount, String currency, LocalDate paidOn,
                               long sequence) {
        return fact(invoiceId, PaymentApplied.newBuilder()
                .setEventId(sequence == 0 ? EventIds.derive("PaymentApplied", org, paymentId, invoiceId)
                        : EventIds.derive("PaymentApplied", org, paymentId, invoiceId, "#" + sequence,
                        money(amount).toPlainString()))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setPaymentId(paymentId).setAmount(money(amount)).setCurrency(currency).setPaidOn(paidOn)
                .setSequence(sequence).build());
    }

    /** The payment's money taken off the invoice, as its {@code sequence}-th statement there. */
    public Fact paymentReversed(String invoiceId, String paymentId, BigDecimal amount, String currency,
                                PaymentReversalReason reason, long sequence) {
        return fact(invoiceId, PaymentReversed.newBuilder()
                .setEventId(sequence == 0 ? EventIds.derive("PaymentReversed", org, paymentId, invoiceId)
                        : EventIds.derive("PaymentReversed", org, paymentId, invoiceId, "#" + sequence))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setPaymentId(paymentId).setAmount(money(amount)).setCurrency(currency).setReason(reason)
                .setSequence(sequence).build());
    }

    /**
     * The statement of {@code paymentId}'s amount on an invoice that Books shows now: the one standing when the
     * amount is what the ledger holds (the same fact, so nothing new is published), else the next.
     */
    public Fact paymentNow(String invoiceId, String paymentId, BigDecimal amount, String currency, LocalDate paidOn,
                           InvoiceState known) {
        BigDecimal held = known.payments().get(paymentId);
        long sequence = known.paymentSequence(paymentId);
        boolean same = held != null && held.compareTo(amount) == 0;
        return paymentApplied(invoiceId, paymentId, amount, currency, paidOn, same ? sequence : sequence + 1);
    }

    /** The payment's money leaving an invoice the ledger counts it on, as the next statement there. */
    public Fact paymentGone(String invoiceId, String paymentId, String currency, PaymentReversalReason reason,
                            InvoiceState known) {
        return paymentReversed(invoiceId, paymentId, known.payments().get(paymentId), currency, reason,
                known.paymentSequence(paymentId) + 1);
    }

    public Fact creditApplied(String invoiceId, String creditNoteId, String applicationId, BigDecimal amount,
                              String currency) {
        return fact(invoiceId, CreditApplied.newBuilder()
                .setEventId(EventIds.derive("CreditApplied", org, applicationId))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setCreditNoteId(creditNoteId).setApplicationId(applicationId).setAmount(money(amount))
                .setCurrency(currency).build());
    }

    public Fact creditReversed(String invoiceId, String creditNoteId, String applicationId, BigDecimal amount,
                               String currency) {
        return fact(invoiceId, CreditReversed.newBuilder()
                .setEventId(EventIds.derive("CreditReversed", org, applicationId))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setCreditNoteId(creditNoteId).setApplicationId(applicationId).setAmount(money(amount))
                .setCurrency(currency).build());
    }

    public Fact creditRefunded(String invoiceId, String creditNoteId, String refundId, BigDecimal amount,
                               String currency, LocalDate refundedOn) {
        return fact(invoiceId, CreditRefunded.newBuilder()
                .setEventId(EventIds.derive("CreditRefunded", org, creditNoteId, refundId))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setCreditNoteId(creditNoteId).setRefundId(refundId).setAmount(money(amount)).setCurrency(currency)
                .setRefundedOn(refundedOn).build());
    }

    /**
     * The invoice's whole write-off amount as Books shows it at a revision, as the {@code sequence}-th statement
     * about it: write off, cancel, write off again (or again after an edit raised the balance) are each a new
     * statement, and the highest stands.
     */
    public Fact writtenOff(String invoiceId, String revision, BigDecimal amount, String currency, long sequence) {
        return fact(invoiceId, InvoiceWrittenOff.newBuilder()
                .setEventId(EventIds.derive("InvoiceWrittenOff", org, invoiceId, revision, "#" + sequence))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setAmount(money(amount)).setCurrency(currency).setSequence(sequence).build());
    }

    public Fact writeOffCancelled(String invoiceId, String revision, BigDecimal amount, String currency,
                                  long sequence) {
        return fact(invoiceId, InvoiceWriteOffCancelled.newBuilder()
                .setEventId(EventIds.derive("InvoiceWriteOffCancelled", org, invoiceId, revision, "#" + sequence))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setAmount(money(amount)).setCurrency(currency).setSequence(sequence).build());
    }

    /**
     * Voided at Books' revision {@code revision} (null when Books gave none), so a later draft supersedes it, as the
     * {@code statement}-th amendment or void of the invoice (a void, a draft and a void again within one second
     * share the revision).
     */
    public Fact voided(String invoiceId, String revision, long statement) {
        return fact(invoiceId, InvoiceVoided.newBuilder()
                .setEventId(revision == null ? EventIds.derive("InvoiceVoided", org, invoiceId, "#" + statement)
                        : EventIds.derive("InvoiceVoided", org, invoiceId, revision, "#" + statement))
                .setOccurredAt(now).setSource(SOURCE).setOrganizationId(org).setInvoiceId(invoiceId)
                .setRevision(revision).build());
    }

    private Fact fact(String invoiceId, org.apache.avro.specific.SpecificRecordBase event) {
        return new Fact(Topics.ledgerFactKey(org, invoiceId), event);
    }

    /** Facts carry 3 decimals (Avro decimal scale 3); Books amounts have at most that. */
    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(3, RoundingMode.UNNECESSARY);
    }
}
