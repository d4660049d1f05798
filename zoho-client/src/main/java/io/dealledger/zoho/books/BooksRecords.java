package io.dealledger.zoho.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The Books records dealledger reads, typed; money is BigDecimal with the record's ISO 4217 currency code. Field
 * names are those of Zoho's published examples (zoho-client/src/test/resources/zoho/SOURCES.md).
 */
public final class BooksRecords {

    private BooksRecords() {
    }

    /**
     * A Books organization. {@code country} is only in the single-organization answer ({@code address.country},
     * e.g. "U.S.A"): the list of organizations does not carry it. Books has no "edition" field. {@code time_zone}
     * (e.g. "PST") and {@code plan_name} (e.g. "PROFESSIONAL") decide the organization's Books day and daily cap
     * (Zoho Inventory OAS organizations.yml, api-evangelist/zoho-inventory@b973d81).
     */
    public record Organization(String organizationId, String name, String currencyCode, String currencyId,
                               String country, String timeZone, String planName) {

        /** An organization whose zone and plan are not said. */
        public Organization(String organizationId, String name, String currencyCode, String currencyId, String country) {
            this(organizationId, name, currencyCode, currencyId, country, null, null);
        }
        static Organization from(JsonNode n) {
            String country = Json.text(n.path("address"), "country");
            return new Organization(Json.text(n, "organization_id"), Json.text(n, "name"),
                    Json.text(n, "currency_code"), Json.text(n, "currency_id"),
                    country == null ? Json.text(n, "country") : country, Json.text(n, "time_zone"),
                    Json.text(n, "plan_name"));
        }
    }

    /** A currency enabled in an organization; {@code exchangeRate} is Books' rate to the base currency, null when unset. */
    public record Currency(String currencyId, String currencyCode, String currencyName, boolean baseCurrency,
                           BigDecimal exchangeRate, Integer pricePrecision) {
        static Currency from(JsonNode n) {
            BigDecimal rate = Json.decimal(n, "exchange_rate");
            return new Currency(Json.text(n, "currency_id"), Json.text(n, "currency_code"),
                    Json.text(n, "currency_name"), n.path("is_base_currency").asBoolean(false),
                    rate == null || rate.signum() <= 0 ? null : rate,
                    n.path("price_precision").isNumber() ? n.path("price_precision").asInt() : null);
        }
    }

    /** A person at a customer, as Books lists it under {@code contact_persons}. */
    public record ContactPerson(String contactPersonId, String firstName, String lastName, String email,
                                boolean primary) {
        static ContactPerson from(JsonNode n) {
            return new ContactPerson(Json.text(n, "contact_person_id"), Json.text(n, "first_name"),
                    Json.text(n, "last_name"), Json.text(n, "email"), n.path("is_primary_contact").asBoolean(false));
        }
    }

    /**
     * A customer. {@code email} is its primary person's (list rows carry it, single answers carry the persons);
     * {@code contactPersons} is empty on list rows, which do not carry them.
     */
    public record Contact(String contactId, String contactName, String companyName, String currencyCode,
                          String status, Map<String, String> customFields, String currencyId, String email,
                          String primaryContactId, List<ContactPerson> contactPersons) {

        public Contact(String contactId, String contactName, String companyName, String currencyCode, String status,
                       Map<String, String> customFields) {
            this(contactId, contactName, companyName, currencyCode, status, customFields, null, null, null, List.of());
        }

        static Contact from(JsonNode n) {
            List<ContactPerson> persons = Json.list(n.path("contact_persons"), ContactPerson::from);
            String email = Json.text(n, "email");
            if (email == null) {
                email = persons.stream().filter(ContactPerson::primary).map(ContactPerson::email)
                        .filter(e -> e != null).findFirst().orElse(null);
            }
            return new Contact(Json.text(n, "contact_id"), Json.text(n, "contact_name"),
                    Json.text(n, "company_name"), Json.text(n, "currency_code"), Json.text(n, "status"),
                    Json.customFields(n), Json.text(n, "currency_id"), email, Json.text(n, "primary_contact_id"),
                    persons);
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

    /**
     * A workflow webhook as {@code GET /settings/webhooks} lists it (https://www.zoho.com/books/api/v3/webhooks):
     * its URL and custom headers ({@code headers[]{param_name,param_value}}). A header without a value reads as null
     * (issue 16, item 9: a null value must not fail the whole list).
     */
    public record Webhook(String webhookId, String webhookName, String entity, String url, Map<String, String> headers) {
        static Webhook from(JsonNode n) {
            Map<String, String> headers = new LinkedHashMap<>();
            n.path("headers").values().forEach(h -> {
                String name = Json.text(h, "param_name");
                if (name != null) {
                    headers.put(name, Json.text(h, "param_value"));
                }
            });
            return new Webhook(Json.text(n, "webhook_id"), Json.text(n, "webhook_name"), Json.text(n, "entity"),
                    Json.text(n, "url"), java.util.Collections.unmodifiableMap(headers));
        }
    }

    public record TaxAuthority(String taxAuthorityId, String taxAuthorityName, String description) {
        static TaxAuthority from(JsonNode n) {
            return new TaxAuthority(Json.text(n, "tax_authority_id"), Json.text(n, "tax_authority_name"),
                    Json.text(n, "description"));
        }
    }

    /**
     * An invoice. List rows carry fewer fields than the single answer (Zoho's example has no {@code payment_made},
     * {@code credits_applied}, {@code sub_total} or {@code zcrm_potential_id} on list rows): those read as zero or
     * null there, so money decisions re-read the invoice or its payments.
     */
    public record Invoice(String invoiceId, String invoiceNumber, String referenceNumber, String customerId,
                          String customerName, String status, LocalDate date, LocalDate dueDate,
                          String currencyCode, BigDecimal total, BigDecimal balance, BigDecimal paymentMade,
                          BigDecimal creditsApplied, BigDecimal writeOffAmount, String invoiceUrl,
                          String zcrmPotentialId, String lastModifiedTime, Map<String, String> customFields,
                          BigDecimal subTotal, String currencyId, BigDecimal exchangeRate) {

        public Invoice(String invoiceId, String invoiceNumber, String referenceNumber, String customerId,
                       String customerName, String status, LocalDate date, LocalDate dueDate, String currencyCode,
                       BigDecimal total, BigDecimal balance, BigDecimal paymentMade, BigDecimal creditsApplied,
                       BigDecimal writeOffAmount, String invoiceUrl, String zcrmPotentialId, String lastModifiedTime,
                       Map<String, String> customFields, BigDecimal subTotal) {
            this(invoiceId, invoiceNumber, referenceNumber, customerId, customerName, status, date, dueDate,
                    currencyCode, total, balance, paymentMade, creditsApplied, writeOffAmount, invoiceUrl,
                    zcrmPotentialId, lastModifiedTime, customFields, subTotal, null, null);
        }

        static Invoice from(JsonNode n) {
            return new Invoice(Json.text(n, "invoice_id"), Json.text(n, "invoice_number"),
                    Json.text(n, "reference_number"), Json.text(n, "customer_id"), Json.text(n, "customer_name"),
                    Json.text(n, "status"), Json.date(n, "date"), Json.date(n, "due_date"),
                    Json.text(n, "currency_code"), Json.decimalOrZero(n, "total"), Json.decimalOrZero(n, "balance"),
                    Json.decimalOrZero(n, "payment_made"), Json.decimalOrZero(n, "credits_applied"),
                    Json.decimalOrZero(n, "write_off_amount"), Json.text(n, "invoice_url"),
                    Json.text(n, "zcrm_potential_id"), Json.text(n, "last_modified_time"), Json.customFields(n),
                    Json.decimal(n, "sub_total"), Json.text(n, "currency_id"), Json.decimal(n, "exchange_rate"));
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

    /**
     * A customer payment. {@code invoices} — its applications — is null when the answer did not carry them:
     * list rows of {@code GET /customerpayments} carry neither {@code invoices} nor {@code last_modified_time}
     * in Zoho's published schema. Null means "unknown", never "applied to nothing": read the payment
     * ({@code GET /customerpayments/{id}}) before deciding anything from its applications.
     */
    public record Payment(String paymentId, String paymentNumber, String customerId, LocalDate date,
                          String currencyCode, BigDecimal amount, BigDecimal unusedAmount, BigDecimal amountRefunded,
                          List<AppliedPayment> invoices, String lastModifiedTime) {

        /** Whether the answer carried the payment's applications (a single payment), not a list row's summary. */
        public boolean applicationsKnown() {
            return invoices != null;
        }

        static Payment from(JsonNode n) {
            return new Payment(Json.text(n, "payment_id"), Json.text(n, "payment_number"),
                    Json.text(n, "customer_id"), Json.date(n, "date"), Json.text(n, "currency_code"),
                    Json.decimalOrZero(n, "amount"), Json.decimalOrZero(n, "unused_amount"),
                    Json.decimalOrZero(n, "amount_refunded"), Json.listOrNull(n, "invoices", AppliedPayment::from),
                    Json.text(n, "last_modified_time"));
        }
    }

    /**
     * One application of credit to an invoice. Books names it differently per endpoint: an invoice's credits
     * ({@code GET /invoices/{id}/creditsapplied}) are keyed {@code creditnotes_invoice_id} with
     * {@code amount_applied}; a credit note's invoices ({@code GET /creditnotes/{id}/invoices}) are keyed
     * {@code creditnote_invoice_id} with {@code credited_amount}.
     */
    public record CreditApplication(String creditNoteInvoiceId, String creditNoteId, String invoiceId,
                                    String invoiceNumber, BigDecimal amountApplied) {

        /** A row of {@code credits} of one invoice, which does not repeat the invoice's id. */
        static CreditApplication ofInvoice(String invoiceId, JsonNode n) {
            return new CreditApplication(Json.text(n, "creditnotes_invoice_id"), Json.text(n, "creditnote_id"),
                    invoiceId, Json.text(n, "invoice_number"), Json.decimalOrZero(n, "amount_applied"));
        }

        /** A row of {@code invoices_credited} of one credit note. */
        static CreditApplication ofCreditNote(JsonNode n) {
            return new CreditApplication(Json.text(n, "creditnote_invoice_id"), Json.text(n, "creditnote_id"),
                    Json.text(n, "invoice_id"), Json.text(n, "invoice_number"), Json.decimalOrZero(n, "credited_amount"));
        }
    }

    /**
     * A refund of a credit note, in the note's currency. List rows carry {@code amount_fcy} (the note's currency)
     * and {@code amount_bcy} (the org's base currency); only the single-refund answer has {@code amount}. The base
     * amount is read only when neither is there: it equals the note's amount for a note in the base currency.
     */
    public record CreditRefund(String refundId, LocalDate date, BigDecimal amount) {
        static CreditRefund from(JsonNode n) {
            BigDecimal amount = Json.firstDecimal(n, "amount_fcy", "amount", "amount_bcy");
            return new CreditRefund(Json.text(n, "creditnote_refund_id"), Json.date(n, "date"),
                    amount == null ? BigDecimal.ZERO : amount);
        }
    }

    /**
     * A credit note. {@code invoiceId} is the invoice it was raised against: Books' {@code invoice_id}, else the
     * one invoice its {@code invoices} name (Zoho's example carries only that list); {@code lastModifiedTime} is
     * {@code last_modified_time}, else {@code updated_time} (the name in Zoho's example).
     */
    public record CreditNote(String creditNoteId, String creditNoteNumber, String customerId, String status,
                             LocalDate date, String currencyCode, BigDecimal total, BigDecimal balance,
                             String invoiceId, String lastModifiedTime) {
        static CreditNote from(JsonNode n) {
            String invoiceId = Json.text(n, "invoice_id");
            if (invoiceId == null && n.path("invoices").size() == 1) {
                invoiceId = Json.text(n.path("invoices").path(0), "invoice_id");
            }
            return new CreditNote(Json.text(n, "creditnote_id"), Json.text(n, "creditnote_number"),
                    Json.text(n, "customer_id"), Json.text(n, "status"), Json.date(n, "date"),
                    Json.text(n, "currency_code"), Json.decimalOrZero(n, "total"), Json.decimalOrZero(n, "balance"),
                    invoiceId, Json.firstText(n, "last_modified_time", "updated_time"));
        }
    }
}
