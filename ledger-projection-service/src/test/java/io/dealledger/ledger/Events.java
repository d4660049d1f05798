package io.dealledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.dealledger.events.CreditApplied;
import io.dealledger.events.CreditRefunded;
import io.dealledger.events.CreditReversed;
import io.dealledger.events.DealChanged;
import io.dealledger.events.InvoiceAmended;
import io.dealledger.events.InvoiceImported;
import io.dealledger.events.InvoiceIssued;
import io.dealledger.events.InvoiceLinkRejected;
import io.dealledger.events.InvoiceLinked;
import io.dealledger.events.InvoiceRejected;
import io.dealledger.events.InvoiceRequested;
import io.dealledger.events.InvoiceUnlinked;
import io.dealledger.events.InvoiceVoided;
import io.dealledger.events.InvoiceWriteOffCancelled;
import io.dealledger.events.InvoiceWrittenOff;
import io.dealledger.events.PaymentApplied;
import io.dealledger.events.PaymentReversalReason;
import io.dealledger.events.PaymentReversed;
import io.dealledger.events.RejectionReason;

/** Builds the Avro events tests feed the projection, with amounts at the wire's scale 3. */
public final class Events {

    private Events() {
    }

    public static BigDecimal amount(String value) {
        return new BigDecimal(value).setScale(3);
    }

    public static InvoiceImported imported(String id, Instant at, String org, String invoice, String number,
                                           String total, String currency, LocalDate due) {
        return InvoiceImported.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setInvoiceNumber(number).setCustomerId("cust-1")
                .setTotal(amount(total)).setCurrency(currency).setDueDate(due).setStatus("sent")
                .setInvoiceUrl("https://books.example/invoices/" + invoice).build();
    }

    /** An import with its Books invoice date. */
    public static InvoiceImported imported(String id, Instant at, String org, String invoice, String number,
                                           String total, String currency, LocalDate date, LocalDate due) {
        return InvoiceImported.newBuilder(imported(id, at, org, invoice, number, total, currency, due))
                .setInvoiceDate(date).build();
    }

    public static InvoiceLinked linked(String id, Instant at, String org, String invoice, String deal) {
        return linked(id, at, org, invoice, deal, null);
    }

    /** A link naming the deal's CRM account as payment-service read it. */
    public static InvoiceLinked linked(String id, Instant at, String org, String invoice, String deal, String account) {
        return InvoiceLinked.newBuilder().setEventId(id).setOccurredAt(at).setSource("payment-service")
                .setOrganizationId(org).setInvoiceId(invoice).setDealId(deal).setAccountId(account).build();
    }

    public static InvoiceLinkRejected linkRejected(String id, Instant at, String org, String invoice, String deal,
                                                   String request, String code, String category, String message) {
        return InvoiceLinkRejected.newBuilder().setEventId(id).setOccurredAt(at).setSource("payment-service")
                .setOrganizationId(org).setInvoiceId(invoice).setDealId(deal).setRequestId(request).setCode(code)
                .setCategory(category).setMessage(message).build();
    }

    public static InvoiceUnlinked unlinked(String id, Instant at, String org, String invoice, String deal) {
        return InvoiceUnlinked.newBuilder().setEventId(id).setOccurredAt(at).setSource("payment-service")
                .setOrganizationId(org).setInvoiceId(invoice).setDealId(deal).build();
    }

    public static InvoiceAmended amended(String id, Instant at, String org, String invoice, String revision,
                                         String total, String currency, LocalDate due) {
        return InvoiceAmended.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setRevision(revision).setTotal(amount(total))
                .setCurrency(currency).setDueDate(due).build();
    }

    public static PaymentApplied paid(String id, Instant at, String org, String invoice, String payment,
                                      String amount, String currency, LocalDate on) {
        return PaymentApplied.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setPaymentId(payment).setAmount(amount(amount))
                .setCurrency(currency).setPaidOn(on).build();
    }

    public static PaymentReversed reversed(String id, Instant at, String org, String invoice, String payment,
                                           String amount, String currency, PaymentReversalReason reason) {
        return PaymentReversed.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setPaymentId(payment).setAmount(amount(amount))
                .setCurrency(currency).setReason(reason)
                .setRefundId(reason == PaymentReversalReason.REFUNDED ? "refund-" + id : null).build();
    }

    public static CreditApplied credited(String id, Instant at, String org, String invoice, String application,
                                         String amount, String currency) {
        return CreditApplied.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setCreditNoteId("cn-" + application)
                .setApplicationId(application).setAmount(amount(amount)).setCurrency(currency).build();
    }

    public static CreditReversed creditReversed(String id, Instant at, String org, String invoice,
                                                String application, String amount, String currency) {
        return CreditReversed.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setCreditNoteId("cn-" + application)
                .setApplicationId(application).setAmount(amount(amount)).setCurrency(currency).build();
    }

    public static CreditRefunded creditRefunded(String id, Instant at, String org, String invoice, String refund,
                                                String amount, String currency) {
        return CreditRefunded.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setCreditNoteId("cn-" + refund).setRefundId(refund)
                .setAmount(amount(amount)).setCurrency(currency).build();
    }

    public static InvoiceWrittenOff writtenOff(String id, Instant at, String org, String invoice, String amount,
                                               String currency) {
        return InvoiceWrittenOff.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setAmount(amount(amount)).setCurrency(currency)
                .build();
    }

    public static InvoiceWriteOffCancelled writeOffCancelled(String id, Instant at, String org, String invoice,
                                                             String amount, String currency) {
        return InvoiceWriteOffCancelled.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).setAmount(amount(amount)).setCurrency(currency)
                .build();
    }

    public static InvoiceVoided voided(String id, Instant at, String org, String invoice) {
        return InvoiceVoided.newBuilder().setEventId(id).setOccurredAt(at).setSource("books")
                .setOrganizationId(org).setInvoiceId(invoice).build();
    }

    public static DealChanged dealChanged(String id, Instant at, String org, String deal, String amount,
                                          String currency) {
        return dealChanged(id, at, org, deal, amount, currency, null);
    }

    /** A deal change naming the deal's CRM account. */
    public static DealChanged dealChanged(String id, Instant at, String org, String deal, String amount,
                                          String currency, String account) {
        return DealChanged.newBuilder().setEventId(id).setOccurredAt(at).setSource("crm").setOrganizationId(org)
                .setDealId(deal).setAmount(amount == null ? null : amount(amount)).setCurrency(currency)
                .setStage("Closed Won").setAccountId(account).build();
    }

    public static InvoiceRequested requested(String id, Instant at, String deal, String request) {
        return InvoiceRequested.newBuilder().setEventId(id).setOccurredAt(at).setSource("gateway")
                .setRequestId(request).setDealId(deal).build();
    }

    public static InvoiceIssued issued(String id, Instant at, String org, String deal, String request,
                                       String invoice, String total, String dealAmount, String currency) {
        return InvoiceIssued.newBuilder().setEventId(id).setOccurredAt(at).setSource("invoice-service")
                .setOrganizationId(org).setRequestId(request).setDealId(deal).setInvoiceId(invoice)
                .setInvoiceNumber("INV-" + invoice).setCustomerId("cust-1").setTotal(amount(total))
                .setCurrency(currency).setInvoiceUrl("https://books.example/invoices/" + invoice)
                .setDealAmount(dealAmount == null ? null : amount(dealAmount)).setDealCurrency(currency).build();
    }

    /** An issued invoice with its date and the deal's account as invoice-service read them. */
    public static InvoiceIssued issued(String id, Instant at, String org, String deal, String request,
                                       String invoice, String total, String dealAmount, String currency,
                                       LocalDate date, String account) {
        return InvoiceIssued.newBuilder(issued(id, at, org, deal, request, invoice, total, dealAmount, currency))
                .setInvoiceDate(date).setAccountId(account).build();
    }

    public static InvoiceRejected rejected(String id, Instant at, String deal, String request, String... messages) {
        return InvoiceRejected.newBuilder().setEventId(id).setOccurredAt(at).setSource("invoice-service")
                .setRequestId(request).setDealId(deal)
                .setReasons(List.of(messages).stream().map(message -> RejectionReason.newBuilder()
                        .setCode("TAX_REGION_UNMAPPED").setMessage(message).build()).toList())
                .build();
    }

    /** A rejection whose first (primary) reason has {@code category}, the others INTERNAL. */
    public static InvoiceRejected rejectedAs(String id, Instant at, String deal, String request, String category,
                                             String... messages) {
        List<RejectionReason> reasons = new java.util.ArrayList<>(rejected(id, at, deal, request, messages).getReasons());
        if (!reasons.isEmpty()) {
            reasons.set(0, RejectionReason.newBuilder(reasons.get(0)).setCategory(category).build());
        }
        return InvoiceRejected.newBuilder(rejected(id, at, deal, request, messages)).setReasons(reasons).build();
    }
}
