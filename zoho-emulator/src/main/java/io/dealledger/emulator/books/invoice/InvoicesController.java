package io.dealledger.emulator.books.invoice;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.BooksQuirks;
import io.dealledger.emulator.books.Paging;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.json.JsonBodies;

/** {@code /books/v3/invoices}: create (201, draft unless {@code send=true}), get, list, edit, upsert, delete. */
@RestController
@RequestMapping("/books/v3/invoices")
public class InvoicesController {

    private final InvoiceService invoices;
    private final BooksQuirks quirks;

    public InvoicesController(InvoiceService invoices, BooksQuirks quirks) {
        this.invoices = invoices;
        this.quirks = quirks;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestParam(name = "send", defaultValue = "false") boolean send,
            @RequestParam(name = "ignore_auto_number_generation", defaultValue = "false") boolean ignoreAutoNumber,
            @RequestBody(required = false) String body) {
        return invoices.atomically(org, () -> BooksEnvelope.created("The invoice has been created.", "invoice",
                invoices.toJson(invoices.create(org, JsonBodies.parse(body), send, ignoreAutoNumber))));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        String org = query.get("organization_id");
        List<Map<String, Object>> rows = invoices.atomically(org, () -> InvoiceQuery.apply(invoices.all(org), query,
                invoices::status, !quirks.invoiceListIgnoresDealFilter()).stream().map(invoices::toJson).toList());
        return Paging.from(query).envelope("invoices", rows, "Invoices",
                query.getOrDefault("sort_column", "created_time"), query.getOrDefault("sort_order", "D"));
    }

    @GetMapping("/{invoiceId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        return invoices.atomically(org, () -> BooksEnvelope.ok("success", "invoice",
                invoices.toJson(invoices.require(org, invoiceId))));
    }

    @PutMapping("/{invoiceId}")
    public ResponseEntity<Map<String, Object>> update(@RequestParam("organization_id") String org,
            @PathVariable String invoiceId, @RequestBody(required = false) String body) {
        return invoices.atomically(org, () -> BooksEnvelope.ok("Invoice information has been updated.", "invoice",
                invoices.toJson(invoices.update(org, invoiceId, JsonBodies.parse(body)))));
    }

    @PutMapping
    public ResponseEntity<Map<String, Object>> upsert(@RequestParam("organization_id") String org,
            @RequestParam(name = "send", defaultValue = "false") boolean send,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        return invoices.atomically(org, () -> {
            Upserted<Invoice> result = invoices.upsert(org, UniqueKey.from(headers), JsonBodies.parse(body), send);
            Map<String, Object> json = invoices.toJson(result.record());
            return result.created() ? BooksEnvelope.created("The invoice has been created.", "invoice", json)
                    : BooksEnvelope.ok("Invoice information has been updated.", "invoice", json);
        });
    }

    @DeleteMapping("/{invoiceId}")
    public ResponseEntity<Map<String, Object>> delete(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        invoices.delete(org, invoiceId);
        return BooksEnvelope.message("The invoice has been deleted.");
    }

    @PostMapping("/{invoiceId}/status/sent")
    public ResponseEntity<Map<String, Object>> sent(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        invoices.markSent(org, invoiceId);
        return BooksEnvelope.message("Invoice status has been changed to Sent.");
    }

    @PostMapping("/{invoiceId}/status/void")
    public ResponseEntity<Map<String, Object>> voided(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        invoices.markVoid(org, invoiceId);
        return BooksEnvelope.message("Invoice status has been changed to Void.");
    }

    @PostMapping("/{invoiceId}/status/draft")
    public ResponseEntity<Map<String, Object>> draft(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        invoices.markDraft(org, invoiceId);
        return BooksEnvelope.message("Status of invoice changed from void to draft.");
    }

    @PostMapping("/{invoiceId}/writeoff")
    public ResponseEntity<Map<String, Object>> writeOff(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        invoices.writeOff(org, invoiceId);
        return BooksEnvelope.message("Invoice has been written off.");
    }

    @PostMapping("/{invoiceId}/writeoff/cancel")
    public ResponseEntity<Map<String, Object>> cancelWriteOff(@RequestParam("organization_id") String org,
            @PathVariable String invoiceId) {
        invoices.cancelWriteOff(org, invoiceId);
        return BooksEnvelope.message("The write off done for this invoice has been cancelled.");
    }

    @GetMapping("/{invoiceId}/payments")
    public ResponseEntity<Map<String, Object>> payments(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        return invoices.atomically(org, () -> {
            Invoice invoice = invoices.require(org, invoiceId);
            return BooksEnvelope.ok("success", "payments", invoice.payments().stream()
                    .map(p -> p.toJson(invoice.invoiceId(), invoice.exchangeRate())).toList());
        });
    }

    @GetMapping("/{invoiceId}/creditsapplied")
    public ResponseEntity<Map<String, Object>> credits(@RequestParam("organization_id") String org, @PathVariable String invoiceId) {
        return invoices.atomically(org, () -> BooksEnvelope.ok("success", "credits",
                invoices.require(org, invoiceId).credits().stream().map(InvoiceCredit::toJson).toList()));
    }
}
