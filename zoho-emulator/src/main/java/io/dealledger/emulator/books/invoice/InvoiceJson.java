package io.dealledger.emulator.books.invoice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dealledger.emulator.books.contact.Contact;
import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.line.LineItems;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.clock.ZohoTimestamps;

/** An invoice as Books answers it (single record, list rows and webhook payloads share this shape). */
final class InvoiceJson {

    private InvoiceJson() {
    }

    /** {@code customer}: the invoice's (its persons and addresses are the invoice's), or null if deleted since. */
    static Map<String, Object> of(Invoice invoice, BooksOrganization org, LocalDate today, String invoiceUrlBase,
            Contact customer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("invoice_id", invoice.invoiceId());
        json.put("invoice_number", invoice.invoiceNumber);
        json.put("date", invoice.date.toString());
        json.put("payment_terms", invoice.dueDate == null ? 0 : ChronoUnit.DAYS.between(invoice.date, invoice.dueDate));
        json.put("payment_terms_label", invoice.dueDate == null || invoice.dueDate.equals(invoice.date) ? "Due on Receipt"
                : "Net " + ChronoUnit.DAYS.between(invoice.date, invoice.dueDate));
        json.put("payment_expected_date", "");
        json.put("due_date", invoice.dueDate == null ? "" : invoice.dueDate.toString());
        json.put("due_days", dueDays(invoice, today));
        json.put("schedule_time", "");
        json.put("status", invoice.status(today));
        json.put("customer_id", invoice.customerId);
        json.put("customer_name", invoice.customerName);
        json.put("reference_number", invoice.referenceNumber);
        json.put("contact_persons_associated", customer == null ? List.of() : customer.personsAssociated());
        json.put("currency_id", invoice.currency().currencyId());
        json.put("currency_code", invoice.currency().currencyCode());
        json.put("currency_symbol", invoice.currency().symbol());
        json.put("exchange_rate", invoice.exchangeRate());
        json.put("discount", 0);
        json.put("is_discount_before_tax", true);
        json.put("discount_type", "item_level");
        json.put("is_inclusive_tax", false);
        json.put("recurring_invoice_id", "");
        json.put("has_attachment", false);
        json.put("client_viewed_time", "");
        json.put("line_items", invoice.lineItems.stream().map(line -> line.toJson(invoice.exchangeRate())).toList());
        json.put("sub_total", invoice.subTotal());
        json.put("tax_total", invoice.taxTotal());
        json.put("taxes", LineItems.taxSummary(invoice.lineItems, invoice.scale()));
        json.put("shipping_charge", invoice.shippingCharge);
        json.put("adjustment", invoice.adjustment);
        json.put("adjustment_description", "Adjustment");
        json.put("tax_amount_withheld", 0);
        json.put("allow_partial_payments", true);
        json.put("price_precision", invoice.currency().scale());
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
        json.put("salesperson_id", "");
        json.put("salesperson_name", invoice.salespersonName);
        json.put("billing_address", Contact.address(customer == null ? null : customer.billingAddress()));
        json.put("shipping_address", Contact.address(customer == null ? null : customer.shippingAddress()));
        json.put("notes", invoice.notes);
        json.put("terms", invoice.terms);
        json.put("is_emailed", invoice.emailed);
        json.put("is_viewed_by_client", false);
        json.put("last_payment_date", invoice.lastPaymentDate() == null ? "" : invoice.lastPaymentDate().toString());
        json.put("payments", invoice.payments().stream()
                .map(p -> p.toJson(invoice.invoiceId(), invoice.exchangeRate())).toList());
        json.put("credits", invoice.credits().stream().map(InvoiceCredit::toJson).toList());
        json.put("invoice_url", invoiceUrlBase + "/SecurePayment?CInvoiceID=" + secureId(invoice));
        json.put("created_time", ZohoTimestamps.books(invoice.createdTime(), org.timeZone()));
        json.put("last_modified_time", ZohoTimestamps.books(invoice.lastModifiedTime(), org.timeZone()));
        return json;
    }

    /** As Books words it: "Due in 14 day(s)", "Due Today", "Overdue by 3 day(s)". */
    private static String dueDays(Invoice invoice, LocalDate today) {
        long days = invoice.dueDate == null ? 0 : ChronoUnit.DAYS.between(today, invoice.dueDate);
        return days == 0 ? "Due Today" : days > 0 ? "Due in " + days + " day(s)" : "Overdue by " + -days + " day(s)";
    }

    private static String secureId(Invoice invoice) {
        return HexFormat.of().formatHex((invoice.organizationId() + "-" + invoice.invoiceId()).getBytes(StandardCharsets.UTF_8));
    }
}
