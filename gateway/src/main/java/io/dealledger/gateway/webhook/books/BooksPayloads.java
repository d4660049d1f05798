package io.dealledger.gateway.webhook.books;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.dealledger.core.time.BooksTime;
import io.dealledger.events.CreditNoteChanged;
import io.dealledger.events.InvoiceChanged;
import io.dealledger.events.NotifiedApplication;
import io.dealledger.events.PaymentDeleted;
import io.dealledger.events.PaymentReceived;
import io.dealledger.gateway.json.Amounts;
import io.dealledger.gateway.json.Fields;
import io.dealledger.gateway.json.JsonBodies;
import io.dealledger.gateway.problem.Refusal;
import io.dealledger.schemas.EventIds;

import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Normalizes Books' default webhook payloads (the record under its entity key: {@code {"invoice":{…}}},
 * {@code {"payment":{…}}}, {@code {"creditnote":{…}}}) into events for books.events.v1. Unknown fields are
 * ignored: Books sends every field of the record and adds new ones over time. The event id is derived from
 * organization, entity, entity id and Books' {@code last_modified_time} (or, without it, a hash of the record
 * with its keys sorted), so a redelivered webhook yields the same id and is recognisable downstream.
 *
 * <p>Books' payload does not say that a payment was deleted. A deletion is recognised by the hint
 * {@code payment_deleted}, given either as {@code ?event=payment_deleted} on the webhook URL of the
 * "payment deleted" workflow rule or as a top-level {@code "event_type": "payment_deleted"} in a
 * user-defined payload (docs/zoho-setup.md).
 */
public final class BooksPayloads {

    public static final String PAYMENT_DELETED = "payment_deleted";

    private static final Set<String> ENTITY_KEYS = Set.of("invoice", "payment", "customerpayment", "creditnote");
    private static final int MAX_INVOICES = 500;

    private BooksPayloads() {
    }

    /** The event to publish and its key (the organization id: books.events.v1 is partitioned by organization). */
    public record Normalized(String key, String eventId, SpecificRecord event) {
    }

    /**
     * @param hint       the deletion hint from the URL ({@code ?event=}), or null
     * @param receivedAt when the gateway received the webhook; the event time when Books sent none
     */
    public static Normalized normalize(String organizationId, ObjectNode root, String hint, Instant receivedAt) {
        String event = hint(root, hint);
        List<String> present = root.propertyNames().stream().filter(ENTITY_KEYS::contains).toList();
        if (present.size() != 1) {
            throw Refusal.invalid("body", present.isEmpty()
                    ? "must carry the Books record under one of the keys invoice, payment or creditnote"
                    : "carries several Books records " + present + "; send one per webhook");
        }
        String entity = present.get(0);
        Fields record = Fields.of(root.get(entity), entity);
        if (PAYMENT_DELETED.equals(event) && !entity.equals("payment") && !entity.equals("customerpayment")) {
            throw Refusal.invalid("event", "payment_deleted needs a payment record, got " + entity);
        }
        return switch (entity) {
            case "invoice" -> invoice(organizationId, record, root.get(entity), receivedAt);
            case "creditnote" -> creditNote(organizationId, record, root.get(entity), receivedAt);
            default -> PAYMENT_DELETED.equals(event) ? paymentDeleted(organizationId, record, receivedAt)
                    : payment(organizationId, record, root.get(entity), receivedAt);
        };
    }

    private static String hint(ObjectNode root, String fromUrl) {
        String fromBody = Fields.of(root, "").text("event_type", 40);
        if (fromUrl != null && fromBody != null && !fromUrl.equals(fromBody)) {
            throw Refusal.invalid("event_type", "contradicts ?event=" + fromUrl);
        }
        String hint = fromUrl != null ? fromUrl : fromBody;
        if (hint != null && !hint.equals(PAYMENT_DELETED)) {
            throw Refusal.invalid(fromUrl != null ? "event" : "event_type",
                    "must be payment_deleted when given; other changes need no hint");
        }
        return hint;
    }

    private static Normalized payment(String org, Fields payment, JsonNode raw, Instant receivedAt) {
        String paymentId = payment.requiredId("payment_id");
        String modified = payment.text("last_modified_time", 40);
        String eventId = EventIds.derive("PaymentReceived", org, "payment", paymentId, version(modified, raw));
        PaymentReceived event = PaymentReceived.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt(modified, receivedAt))
                .setSource("books")
                .setOrganizationId(org)
                .setPaymentId(paymentId)
                .setCustomerId(payment.id("customer_id"))
                .setAmount(payment.decimal("amount", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS))
                .setCurrency(payment.currency("currency_code"))
                .setDate(payment.date("date"))
                .setInvoiceIds(invoiceIds(payment))
                .setApplications(applications(payment))
                .setLastModifiedTime(modified)
                .build();
        return new Normalized(org, eventId, event);
    }

    private static Normalized paymentDeleted(String org, Fields payment, Instant receivedAt) {
        String paymentId = payment.requiredId("payment_id");
        // a payment is deleted once: the id alone identifies the deletion, whatever else was sent
        String eventId = EventIds.derive("PaymentDeleted", org, "payment", paymentId);
        PaymentDeleted event = PaymentDeleted.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(receivedAt)
                .setSource("books")
                .setOrganizationId(org)
                .setPaymentId(paymentId)
                .setInvoiceIds(invoiceIds(payment))
                .build();
        return new Normalized(org, eventId, event);
    }

    private static Normalized invoice(String org, Fields invoice, JsonNode raw, Instant receivedAt) {
        String invoiceId = invoice.requiredId("invoice_id");
        String modified = invoice.text("last_modified_time", 40);
        String eventId = EventIds.derive("InvoiceChanged", org, "invoice", invoiceId, version(modified, raw));
        InvoiceChanged event = InvoiceChanged.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt(modified, receivedAt))
                .setSource("books")
                .setOrganizationId(org)
                .setInvoiceId(invoiceId)
                .setInvoiceNumber(invoice.text("invoice_number", 100))
                .setStatus(invoice.text("status", 40))
                .setTotal(invoice.decimal("total", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS))
                .setBalance(invoice.decimal("balance", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS))
                .setDueDate(invoice.date("due_date"))
                .setCurrency(invoice.currency("currency_code"))
                .setCustomerId(invoice.id("customer_id"))
                .setLastModifiedTime(modified)
                .build();
        return new Normalized(org, eventId, event);
    }

    private static Normalized creditNote(String org, Fields creditNote, JsonNode raw, Instant receivedAt) {
        String creditNoteId = creditNote.requiredId("creditnote_id");
        String modified = creditNote.text("last_modified_time", 40);
        String eventId = EventIds.derive("CreditNoteChanged", org, "creditnote", creditNoteId, version(modified, raw));
        CreditNoteChanged event = CreditNoteChanged.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt(modified, receivedAt))
                .setSource("books")
                .setOrganizationId(org)
                .setCreditNoteId(creditNoteId)
                .setStatus(creditNote.text("status", 40))
                .setTotal(creditNote.decimal("total", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS))
                .setCurrency(creditNote.currency("currency_code"))
                .setCustomerId(creditNote.id("customer_id"))
                .setLastModifiedTime(modified)
                .build();
        return new Normalized(org, eventId, event);
    }

    /** The invoices a payment is applied to: {@code invoices[].invoice_id}, plus a single {@code invoice_id}. */
    private static List<String> invoiceIds(Fields payment) {
        List<String> ids = new ArrayList<>();
        String single = payment.id("invoice_id");
        if (single != null) {
            ids.add(single);
        }
        JsonNode invoices = payment.raw("invoices");
        if (invoices == null || invoices.isNull()) {
            return ids;
        }
        if (!invoices.isArray() || invoices.size() > MAX_INVOICES) {
            throw Refusal.invalid(payment.path("invoices"), "must be an array of at most " + MAX_INVOICES + " invoices");
        }
        for (int i = 0; i < invoices.size(); i++) {
            String id = Fields.of(invoices.get(i), payment.path("invoices[" + i + "]")).requiredId("invoice_id");
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * The payment's applications as notified ({@code invoices[].invoice_id} with {@code amount_applied}); a row
     * without an amount is left out, and payment-service then reads the payment back instead of trusting the hint.
     */
    private static List<NotifiedApplication> applications(Fields payment) {
        JsonNode invoices = payment.raw("invoices");
        List<NotifiedApplication> applications = new ArrayList<>();
        if (invoices == null || !invoices.isArray()) {
            return applications;
        }
        for (int i = 0; i < invoices.size(); i++) {
            Fields row = Fields.of(invoices.get(i), payment.path("invoices[" + i + "]"));
            BigDecimal amount = row.decimal("amount_applied", Amounts.MONEY_SCALE, Amounts.MONEY_INTEGER_DIGITS);
            if (amount != null) {
                applications.add(NotifiedApplication.newBuilder().setInvoiceId(row.requiredId("invoice_id"))
                        .setAmountApplied(amount).build());
            }
        }
        return applications;
    }

    /**
     * What tells one state of a record from another. Books' {@code last_modified_time} has whole seconds, so a
     * record changed several times in one second (created as a draft, marked sent, paid) is notified with the same
     * time and different content: the content is part of the version, and only a true redelivery (same body) is
     * the same event.
     */
    private static String version(String lastModifiedTime, JsonNode record) {
        String content = "sha256:" + JsonBodies.canonicalHash(record);
        return lastModifiedTime != null ? "modified:" + lastModifiedTime + ":" + content : content;
    }

    /** Books' last_modified_time ({@code 2016-06-11T17:38:06-0700}) when readable, else the receipt time. */
    private static Instant occurredAt(String lastModifiedTime, Instant receivedAt) {
        return BooksTime.parse(lastModifiedTime).orElse(receivedAt);
    }
}
