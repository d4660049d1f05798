package io.dealledger.payment.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dealledger.zoho.books.BooksClient;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.books.BooksRecords.CreditApplication;
import io.dealledger.zoho.books.BooksRecords.CreditNote;
import io.dealledger.zoho.books.BooksRecords.CreditRefund;
import io.dealledger.zoho.books.BooksRecords.Invoice;
import io.dealledger.zoho.books.BooksRecords.InvoicePayment;
import io.dealledger.zoho.books.BooksRecords.Payment;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.limits.BooksOrgBudget;
import io.dealledger.zoho.limits.Priority;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blocking Books reads for Kafka listener and poller threads. "Not found" (code 1002 / 404) is an answer,
 * empty; any other failure the client could not retry away propagates.
 */
public class BooksReader {

    private final BooksClient books;
    private final Duration timeout;

    public BooksReader(BooksClient books, Duration timeout) {
        this.books = books;
        this.timeout = timeout;
    }

    /** The same reads at {@code priority}: LOW for the poller and the backfill, which wait behind webhooks. */
    public BooksReader at(Priority priority) {
        return priority == books.priority() ? this : new BooksReader(books.at(priority), timeout);
    }

    /** What the organization's Books budget says now (today's use, when its day turns). */
    public BooksOrgBudget budget(String org) {
        return books.budget(org);
    }

    public Optional<Invoice> invoice(String org, String invoiceId) {
        return found(books.getInvoice(org, invoiceId));
    }

    public Optional<Payment> payment(String org, String paymentId) {
        return found(books.getPayment(org, paymentId));
    }

    public Optional<CreditNote> creditNote(String org, String creditNoteId) {
        return found(books.getCreditNote(org, creditNoteId));
    }

    public List<InvoicePayment> invoicePayments(String org, String invoiceId) {
        return all(books.invoicePayments(org, invoiceId));
    }

    public List<CreditApplication> creditsApplied(String org, String invoiceId) {
        return all(books.creditsApplied(org, invoiceId));
    }

    public List<CreditApplication> creditNoteInvoices(String org, String creditNoteId) {
        return all(books.creditNoteInvoices(org, creditNoteId));
    }

    public List<CreditRefund> creditNoteRefunds(String org, String creditNoteId) {
        return all(books.creditNoteRefunds(org, creditNoteId));
    }

    /** Invoices matching Books list filters, every page (200 per page), as a stream to process page by page. */
    public Flux<Invoice> invoices(String org, Map<String, String> filters) {
        return books.listInvoices(org, filters);
    }

    public Flux<Payment> payments(String org, Map<String, String> filters) {
        return books.listPayments(org, filters);
    }

    public Optional<Contact> contact(String org, String contactId) {
        return found(books.getContact(org, contactId));
    }

    /** Every contact of the org (paged); only on the rare path of naming a deal's customer in a refusal. */
    public List<Contact> contacts(String org) {
        return all(books.listContacts(org, Map.of()));
    }

    public Duration timeout() {
        return timeout;
    }

    private <T> Optional<T> found(Mono<T> read) {
        try {
            return read.blockOptional(timeout);
        } catch (ZohoApiException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> List<T> all(Flux<T> read) {
        List<T> list = read.collectList().block(timeout);
        return list == null ? List.of() : list;
    }
}
