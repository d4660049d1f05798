package io.dealledger.emulator.books.creditnote;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.books.contact.Contact;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;

/** Credit notes, their invoice applications and refunds as Books answers them. */
final class CreditNoteJson {

    private CreditNoteJson() {
    }

    /** {@code customer}: the note's (its persons, e-mail and addresses), or null if deleted since. */
    static Map<String, Object> of(CreditNote note, BooksOrganization org, Contact customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_id", note.creditnoteId);
        json.put("creditnote_number", note.creditnoteNumber);
        json.put("contact_persons_associated", customer == null ? List.of() : customer.personsAssociated());
        json.put("date", note.date.toString());
        json.put("status", note.status());
        json.put("customer_id", note.customerId);
        json.put("customer_name", note.customerName);
        json.put("email", customer == null ? "" : customer.email());
        json.put("reference_number", note.referenceNumber);
        json.put("currency_id", note.currency.currencyId());
        json.put("currency_code", note.currency.currencyCode());
        json.put("currency_symbol", note.currency.symbol());
        json.put("exchange_rate", note.currency.exchangeRate());
        json.put("line_items", note.lineItems.stream().map(line -> {
            Map<String, Object> row = line.toJson(note.currency.exchangeRate());
            // a credit note's line credits an income account, and may name the invoice line it returns
            row.put("account_id", "");
            row.put("product_type", "goods");
            row.put("invoice_id", "");
            return row;
        }).toList());
        json.put("sub_total", LineItems.subTotal(note.lineItems, note.scale));
        json.put("tax_total", LineItems.taxTotal(note.lineItems, note.scale));
        json.put("taxes", LineItems.taxSummary(note.lineItems, note.scale));
        json.put("total", note.total());
        json.put("balance", note.balance());
        // the invoices it credited, with the amount each got (Zoho's example shows only this list, no invoice_id)
        Map<String, Map<String, Object>> credited = new LinkedHashMap<>();
        for (CreditNote.Application a : note.applications) {
            Map<String, Object> row = credited.computeIfAbsent(a.invoiceId(), id -> new LinkedHashMap<>(Map.of(
                    "invoice_id", id, "invoice_number", a.invoiceNumber(), "amount", BigDecimal.ZERO.setScale(note.scale))));
            row.put("amount", ((BigDecimal) row.get("amount")).add(a.amount()));
        }
        json.put("invoices", List.copyOf(credited.values()));
        json.put("billing_address", Contact.address(customer == null ? null : customer.billingAddress()));
        json.put("shipping_address", Contact.address(customer == null ? null : customer.shippingAddress()));
        json.put("notes", "");
        json.put("terms", "");
        json.put("invoices_credited", note.applications.stream().map(a -> application(note, a)).toList());
        json.put("refunds", note.refunds.stream().map(r -> refundRow(note, r, org)).toList());
        json.put("custom_fields", note.customFields.toJson());
        json.put("created_time", ZohoTimestamps.books(note.createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(note.lastModifiedTime, org.timeZone()));
        json.put("updated_time", ZohoTimestamps.books(note.lastModifiedTime, org.timeZone()));
        return json;
    }

    /** A row of {@code invoices_credited}: the amount is {@code credited_amount} (amount_applied is the request's). */
    static Map<String, Object> application(CreditNote note, CreditNote.Application application) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_id", note.creditnoteId);
        json.put("invoice_id", application.invoiceId());
        json.put("creditnote_invoice_id", application.creditnotesInvoiceId());
        json.put("date", application.date().toString());
        json.put("invoice_number", application.invoiceNumber());
        json.put("creditnote_number", note.creditnoteNumber);
        json.put("credited_amount", application.amount());
        return json;
    }

    /**
     * A row of {@code GET /creditnotes/{id}/refunds}: its amount in the note's currency ({@code amount_fcy}) and
     * in the base currency at the note's rate ({@code amount_bcy}); no {@code amount}, as Zoho's example shows.
     */
    static Map<String, Object> refundRow(CreditNote note, CreditNote.Refund refund, BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_refund_id", refund.refundId());
        json.put("creditnote_id", note.creditnoteId);
        json.put("date", refund.date().toString());
        json.put("refund_mode", refund.refundMode());
        json.put("reference_number", refund.referenceNumber());
        json.put("creditnote_number", note.creditnoteNumber);
        json.put("customer_name", note.customerName);
        json.put("description", refund.description());
        json.put("amount_bcy", refund.amount().multiply(note.currency.exchangeRate())
                .setScale(org.currencyScale(), java.math.RoundingMode.HALF_UP));
        json.put("amount_fcy", refund.amount());
        return json;
    }

    /** One refund as its own answer ({@code creditnote_refund}): the amount is {@code amount}. */
    static Map<String, Object> refund(CreditNote note, CreditNote.Refund refund) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_refund_id", refund.refundId());
        json.put("creditnote_id", note.creditnoteId);
        json.put("creditnote_number", note.creditnoteNumber);
        json.put("date", refund.date().toString());
        json.put("refund_mode", refund.refundMode());
        json.put("reference_number", refund.referenceNumber());
        json.put("amount", refund.amount());
        json.put("description", refund.description());
        json.put("customer_id", note.customerId);
        json.put("customer_name", note.customerName);
        return json;
    }
}
