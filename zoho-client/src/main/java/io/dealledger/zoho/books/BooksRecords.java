package io.dealledger.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The Books records dealledger reads, typed; money is BigDecimal with the record's ISO 4217 currency code. */
public final class BooksRecords {

    private BooksRecords() {
    }

    /**
     * {@code time_zone} (e.g. "PST") and {@code plan_name} (e.g. "PROFESSIONAL") decide the organization's Books
     * day and daily cap (Zoho Inventory OAS organizations.yml, api-evangelist/zoho-inventory@b973d81).
     */
    public record Organization(String organizationId, String name, String currencyCode, String country,
                               String edition, String timeZone, String planName) {
        static Organization from(JsonNode n) {
            return new Organization(Json.text(n, "organization_id"), Json.text(n, "name"),
                    Json.text(n, "currency_code"), Json.text(n, "country"), Json.text(n, "edition"),
                    Json.text(n, "time_zone"), Json.text(n, "plan_name"));
        }
    }

    public record Contact(String contactId, String contactName, String companyName, String currencyCode,
                          String status, Map<String, String> customFields) {
        static Contact from(JsonNode n) {
            return new Contact(Json.text(n, "contact_id"), Json.text(n, "contact_name"),
                    Json.text(n, "company_name"), Json.text(n, "currency_code"), Json.text(n, "status"),
                    Json.customFields(n));
        }
    }

    public record Item(String itemId, String name, String sku, BigDecimal rate, String status,
                       Map<String, String> customFields) {
        static Item from(JsonNode n) {
            return new Item(Json.text(n, "item_id"), Json.text(n, "name"), Json.text(n, "sku"),
                    Json.decimal(n, "rate"), Json.text(n, "status"), Json.customFields(n));
        }
    }

    public record Tax(String taxId, String taxName, BigDecimal taxPercentage, String taxAuthorityId,
                      String taxAuthorityName, String country) {
        static Tax from(JsonNode n) {
            return new Tax(Json.text(n, "tax_id"), Json.text(n, "tax_name"), Json.decimal(n, "tax_percentage"),
                    Json.text(n, "tax_authority_id"), Json.text(n, "tax_authority_name"), Json.text(n, "country"));
        }
    }

    public record TaxAuthority(String taxAuthorityId, String taxAuthorityName, String description) {
        static TaxAuthority from(JsonNode n) {
            return new TaxAuthority(Json.text(n, "tax_authority_id"), Json.text(n, "tax_authority_name"),
                    Json.text(n, "description"));
        }
    }

    public record Invoice(String invoiceId, String invoiceNumber, String referenceNumber, String customerId,
                          String customerName, String status, LocalDate date, LocalDate dueDate,
                          String currencyCode, BigDecimal total, BigDecimal balance, BigDecimal paymentMade,
                          BigDecimal creditsApplied, BigDecimal writeOffAmount, String invoiceUrl,
                          String zcrmPotentialId, String lastModifiedTime, Map<String, String> customFields,
                          BigDecimal subTotal) {
        static Invoice from(JsonNode n) {
            return new Invoice(Json.text(n, "invoice_id"), Json.text(n, "invoice_number"),
                    Json.text(n, "reference_number"), Json.text(n, "customer_id"), Json.text(n, "customer_name"),
                    Json.text(n, "status"), Json.date(n, "date"), Json.date(n, "due_date"),
                    Json.text(n, "currency_code"), Json.decimalOrZero(n, "total"), Json.decimalOrZero(n, "balance"),
                    Json.decimalOrZero(n, "payment_made"), Json.decimalOrZero(n, "credits_applied"),
                    Json.decimalOrZero(n, "write_off_amount"), Json.text(n, "invoice_url"),
                    Json.text(n, "zcrm_potential_id"), Json.text(n, "last_modified_time"), Json.customFields(n),
                    Json.decimal(n, "sub_total"));
        }
    }

    /** One application of a payment to an invoice. */
    public record AppliedPayment(String invoiceId, String invoicePaymentId, String invoiceNumber,
                                 BigDecimal amountApplied) {
        static AppliedPayment from(JsonNode n) {
            return new AppliedPayment(Json.text(n, "invoice_id"), Json.text(n, "invoice_payment_id"),
                    Json.text(n, "invoice_number"), Json.decimalOrZero(n, "amount_applied"));
        }
    }

    /** A payment as an invoice lists it (GET /invoices/{id}/payments). */
    public record InvoicePayment(String paymentId, String invoicePaymentId, LocalDate date, BigDecimal amount) {
        static InvoicePayment from(JsonNode n) {
            return new InvoicePayment(Json.text(n, "payment_id"), Json.text(n, "invoice_payment_id"),
                    Json.date(n, "date"), Json.decimalOrZero(n, "amount"));
        }
    }

    public record Payment(String paymentId, String paymentNumber, String customerId, LocalDate date,
                          String currencyCode, BigDecimal amount, BigDecimal unusedAmount, BigDecimal amountRefunded,
                          List<AppliedPayment> invoices, String lastModifiedTime) {
        static Payment from(JsonNode n) {
            return new Payment(Json.text(n, "payment_id"), Json.text(n, "payment_number"),
                    Json.text(n, "customer_id"), Json.date(n, "date"), Json.text(n, "currency_code"),
                    Json.decimalOrZero(n, "amount"), Json.decimalOrZero(n, "unused_amount"),
                    Json.decimalOrZero(n, "amount_refunded"), Json.list(n.path("invoices"), AppliedPayment::from),
                    Json.text(n, "last_modified_time"));
        }
    }

    /** One application of credit to an invoice (Books' creditnote_invoice_id identifies it). */
    public record CreditApplication(String creditNoteInvoiceId, String creditNoteId, String invoiceId,
                                    String invoiceNumber, BigDecimal amountApplied) {
        static CreditApplication from(JsonNode n) {
            return new CreditApplication(Json.text(n, "creditnote_invoice_id"), Json.text(n, "creditnote_id"),
                    Json.text(n, "invoice_id"), Json.text(n, "invoice_number"),
                    Json.decimalOrZero(n, "amount_applied"));
        }
    }

    public record CreditRefund(String refundId, LocalDate date, BigDecimal amount) {
        static CreditRefund from(JsonNode n) {
            return new CreditRefund(Json.text(n, "creditnote_refund_id"), Json.date(n, "date"),
                    Json.decimalOrZero(n, "amount"));
        }
    }

    public record CreditNote(String creditNoteId, String creditNoteNumber, String customerId, String status,
                             LocalDate date, String currencyCode, BigDecimal total, BigDecimal balance,
                             String invoiceId, String lastModifiedTime) {
        static CreditNote from(JsonNode n) {
            return new CreditNote(Json.text(n, "creditnote_id"), Json.text(n, "creditnote_number"),
                    Json.text(n, "customer_id"), Json.text(n, "status"), Json.date(n, "date"),
                    Json.text(n, "currency_code"), Json.decimalOrZero(n, "total"), Json.decimalOrZero(n, "balance"),
                    Json.text(n, "invoice_id"), Json.text(n, "last_modified_time"));
        }
    }
}
