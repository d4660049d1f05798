package io.dealledger.emulator.books.payment;

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

/** {@code /books/v3/customerpayments}: record (201, key {@code payment}), get, list, delete. */
@RestController
@RequestMapping("/books/v3/customerpayments")
public class CustomerPaymentsController {

    private final PaymentService payments;

    public CustomerPaymentsController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        return BooksEnvelope.created("The payment has been created.", "payment", payments.create(org, JsonBodies.parse(body)));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        return Paging.from(query).envelope("customerpayments", payments.list(query.get("organization_id"), query),
                "Customer Payments", "date", "D");
    }

    @GetMapping("/{paymentId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String paymentId) {
        return BooksEnvelope.ok("success", "payment", payments.get(org, paymentId));
    }

    @DeleteMapping("/{paymentId}")
    public ResponseEntity<Map<String, Object>> delete(@RequestParam("organization_id") String org, @PathVariable String paymentId) {
        payments.delete(org, paymentId);
        return BooksEnvelope.message("The payment has been deleted.");
    }
}
