package io.dealledger.emulator.books.creditnote;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;

/** Credit notes, their invoice applications and refunds as Books answers them. */
final class CreditNoteJson {

    private CreditNoteJson() {
    }

    static Map<String, Object> of(CreditNote note, BooksOrganization org) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_id", note.creditnoteId);
        json.put("creditnote_number", note.creditnoteNumber);
        json.put("date", note.date.toString());
        json.put("status", note.status());
        json.put("customer_id", note.customerId);
        json.put("customer_name", note.customerName);
        json.put("reference_number", note.referenceNumber);
        json.put("currency_id", org.currencyId());
        json.put("currency_code", org.currencyCode());
        json.put("exchange_rate", 1);
        json.put("line_items", note.lineItems.stream().map(LineItem::toJson).toList());
        json.put("sub_total", LineItems.subTotal(note.lineItems, note.scale));
        json.put("tax_total", LineItems.taxTotal(note.lineItems, note.scale));
        json.put("total", note.total());
        json.put("balance", note.balance());
        json.put("invoices_credited", note.applications.stream().map(a -> application(note, a)).toList());
        json.put("refunds", note.refunds.stream().map(r -> refund(note, r)).toList());
        json.put("custom_fields", note.customFields.toJson());
        json.put("created_time", ZohoTimestamps.books(note.createdTime, org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(note.lastModifiedTime, org.timeZone()));
        return json;
    }

    static Map<String, Object> application(CreditNote note, CreditNote.Application application) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("creditnote_id", note.creditnoteId);
        json.put("creditnote_invoice_id", application.creditnotesInvoiceId());
        json.put("invoice_id", application.invoiceId());
        json.put("invoice_number", application.invoiceNumber());
        json.put("date", application.date().toString());
        json.put("amount_applied", application.amount());
        return json;
    }

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
