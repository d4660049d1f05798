package io.dealledger.emulator.books.invoice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;

/** An invoice as Books answers it (single record, list rows and webhook payloads share this shape). */
final class InvoiceJson {

    private InvoiceJson() {
    }

    static Map<String, Object> of(Invoice invoice, BooksOrganization org, LocalDate today, String invoiceUrlBase) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("invoice_id", invoice.invoiceId());
        json.put("invoice_number", invoice.invoiceNumber);
        json.put("date", invoice.date.toString());
        json.put("due_date", invoice.dueDate == null ? "" : invoice.dueDate.toString());
        json.put("due_days", dueDays(invoice, today));
        json.put("status", invoice.status(today));
        json.put("customer_id", invoice.customerId);
        json.put("customer_name", invoice.customerName);
        json.put("reference_number", invoice.referenceNumber);
        json.put("currency_id", org.currencyId());
        json.put("currency_code", org.currencyCode());
        json.put("currency_symbol", org.currencySymbol());
        json.put("exchange_rate", 1);
        json.put("line_items", invoice.lineItems.stream().map(LineItem::toJson).toList());
        json.put("sub_total", invoice.subTotal());
        json.put("tax_total", invoice.taxTotal());
        json.put("taxes", LineItems.taxSummary(invoice.lineItems, invoice.scale()));
        json.put("shipping_charge", invoice.shippingCharge);
        json.put("adjustment", invoice.adjustment);
        json.put("total", invoice.total());
        json.put("payment_made", invoice.paymentMade());
        json.put("credits_applied", invoice.creditsApplied());
        json.put("write_off_amount", invoice.writeOffAmount());
        json.put("balance", invoice.balance());
        json.put("tax_authority_id", invoice.taxAuthorityId == null ? "" : invoice.taxAuthorityId);
        json.put("tax_authority_name", invoice.taxAuthorityName == null ? "" : invoice.taxAuthorityName);
        json.put("custom_fields", invoice.customFields().toJson());
        json.put("custom_field_hash", invoice.customFields().hash());
        json.put("zcrm_potential_id", invoice.zcrmPotentialId == null ? "" : invoice.zcrmPotentialId);
        json.put("zcrm_potential_name", invoice.zcrmPotentialName == null ? "" : invoice.zcrmPotentialName);
        json.put("salesperson_name", invoice.salespersonName);
        json.put("notes", invoice.notes);
        json.put("terms", invoice.terms);
        json.put("is_emailed", invoice.emailed);
        json.put("is_viewed_by_client", false);
        json.put("last_payment_date", invoice.lastPaymentDate() == null ? "" : invoice.lastPaymentDate().toString());
        json.put("payments", invoice.payments().stream().map(InvoicePayment::toJson).toList());
        json.put("credits", invoice.credits().stream().map(InvoiceCredit::toJson).toList());
        json.put("invoice_url", invoiceUrlBase + "/SecurePayment?CInvoiceID=" + secureId(invoice));
        json.put("created_time", ZohoTimestamps.books(invoice.createdTime(), org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(invoice.lastModifiedTime(), org.timeZone()));
        return json;
    }

    private static long dueDays(Invoice invoice, LocalDate today) {
        return invoice.dueDate == null ? 0 : ChronoUnit.DAYS.between(today, invoice.dueDate);
    }

    private static String secureId(Invoice invoice) {
        return HexFormat.of().formatHex((invoice.organizationId() + "-" + invoice.invoiceId()).getBytes(StandardCharsets.UTF_8));
    }
}
