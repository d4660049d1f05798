package io.dealledger.emulator.books.creditnote;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.Paging;
import io.dealledger.emulator.json.JsonBodies;

/** {@code /books/v3/creditnotes}: create, get, list, apply to invoices, refund, void. */
@RestController
@RequestMapping("/books/v3/creditnotes")
public class CreditNotesController {

    private final CreditNoteService notes;

    public CreditNotesController(CreditNoteService notes) {
        this.notes = notes;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        return BooksEnvelope.created("Credit Note has been created.", "creditnote", notes.create(org, JsonBodies.parse(body)));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        return Paging.from(query).envelope("creditnotes", notes.list(query.get("organization_id"), query),
                "Credit Notes", "created_time", "D");
    }

    @GetMapping("/{creditnoteId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String creditnoteId) {
        return BooksEnvelope.ok("success", "creditnote", notes.get(org, creditnoteId));
    }

    @PostMapping("/{creditnoteId}/invoices")
    public ResponseEntity<Map<String, Object>> apply(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId, @RequestBody(required = false) String body) {
        notes.apply(org, creditnoteId, JsonBodies.parse(body).objects("invoices"));
        return BooksEnvelope.ok("Credits have been applied to the invoice(s).", "apply_to_invoices",
                Map.of("invoices", notes.applications(org, creditnoteId)));
    }

    @GetMapping("/{creditnoteId}/invoices")
    public ResponseEntity<Map<String, Object>> applications(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId) {
        return BooksEnvelope.ok("success", "invoices_credited", notes.applications(org, creditnoteId));
    }

    @DeleteMapping("/{creditnoteId}/invoices/{creditnoteInvoiceId}")
    public ResponseEntity<Map<String, Object>> unapply(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId, @PathVariable String creditnoteInvoiceId) {
        notes.unapply(org, creditnoteInvoiceId);
        return BooksEnvelope.message("Credits applied to an invoice have been deleted.");
    }

    @PostMapping("/{creditnoteId}/refunds")
    public ResponseEntity<Map<String, Object>> refund(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId, @RequestBody(required = false) String body) {
        return BooksEnvelope.created("The refund information for this credit note has been saved.", "creditnote_refund",
                notes.refund(org, creditnoteId, JsonBodies.parse(body)));
    }

    @GetMapping("/{creditnoteId}/refunds")
    public ResponseEntity<Map<String, Object>> refunds(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId) {
        Map<String, Object> body = Paging.from(Map.of()).envelope("creditnote_refunds", notes.refundRows(org, creditnoteId),
                "Credit Notes Refund", "created_time", "D");
        body.put("message", "The refunds of the existing credit note are displayed successfully.");
        return ResponseEntity.ok(body);
    }

    @PostMapping("/{creditnoteId}/status/void")
    public ResponseEntity<Map<String, Object>> voided(@RequestParam("organization_id") String org,
            @PathVariable String creditnoteId) {
        notes.markVoid(org, creditnoteId);
        return BooksEnvelope.message("The credit note has been marked as void.");
    }
}
