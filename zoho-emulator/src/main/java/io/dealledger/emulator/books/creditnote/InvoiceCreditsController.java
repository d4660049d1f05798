package io.dealledger.emulator.books.creditnote;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.books.payment.PaymentService;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;

/**
 * {@code POST /books/v3/invoices/{id}/credits}: applies unused payment amounts ({@code invoice_payments})
 * and credit notes ({@code apply_creditnotes}) to one invoice; and taking an applied credit back.
 */
@RestController
public class InvoiceCreditsController {

    private final PaymentService payments;
    private final CreditNoteService notes;
    private final Organizations organizations;

    public InvoiceCreditsController(PaymentService payments, CreditNoteService notes, Organizations organizations) {
        this.payments = payments;
        this.notes = notes;
        this.organizations = organizations;
    }

    @PostMapping("/books/v3/invoices/{invoiceId}/credits")
    public ResponseEntity<Map<String, Object>> apply(@RequestParam("organization_id") String org,
            @PathVariable String invoiceId, @RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        if (body.objects("invoice_payments").isEmpty() && body.objects("apply_creditnotes").isEmpty()) {
            throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "Either invoice_payments or apply_creditnotes is mandatory.");
        }
        synchronized (organizations.lock(org)) {
            for (JsonBody payment : body.objects("invoice_payments")) {
                BigDecimal amount = BooksInput.decimal(payment, "amount_applied");
                payments.applyUnused(org, invoiceId, payment.string("payment_id"), amount);
            }
            for (JsonBody credit : body.objects("apply_creditnotes")) {
                JsonBody row = new JsonBody(new java.util.LinkedHashMap<>(Map.of("invoice_id", invoiceId,
                        "amount_applied", credit.raw("amount_applied") == null ? "" : credit.raw("amount_applied"))));
                notes.apply(org, credit.string("creditnote_id"), java.util.List.of(row));
            }
        }
        return BooksEnvelope.message("Credits have been applied to the invoice(s).");
    }

    @DeleteMapping("/books/v3/invoices/{invoiceId}/creditsapplied/{creditnotesInvoiceId}")
    public ResponseEntity<Map<String, Object>> unapply(@RequestParam("organization_id") String org,
            @PathVariable String invoiceId, @PathVariable String creditnotesInvoiceId) {
        notes.unapply(org, creditnotesInvoiceId);
        return BooksEnvelope.message("Credits applied to an invoice have been deleted.");
    }
}
