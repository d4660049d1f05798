package io.dealledger.emulator.books.tax;

import java.util.Map;

import org.springframework.http.ResponseEntity;
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

/** {@code /books/v3/settings/taxes} and {@code /settings/taxauthorities}. */
@RestController
@RequestMapping("/books/v3/settings")
public class TaxesController {

    private final TaxService taxes;

    public TaxesController(TaxService taxes) {
        this.taxes = taxes;
    }

    @GetMapping("/taxes")
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        String org = query.get("organization_id");
        return Paging.from(query).envelope("taxes", taxes.taxes(org).stream().map(Tax::toJson).toList(),
                "Taxes", "tax_name", "A");
    }

    @GetMapping("/taxes/{taxId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String taxId) {
        return BooksEnvelope.ok("success", "tax", taxes.requireTax(org, taxId).toJson());
    }

    @PostMapping("/taxes")
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        return BooksEnvelope.created("The tax has been added.", "tax", taxes.createTax(org, JsonBodies.parse(body)).toJson());
    }

    @GetMapping("/taxauthorities")
    public ResponseEntity<Map<String, Object>> authorities(@RequestParam("organization_id") String org) {
        return BooksEnvelope.ok("success", "tax_authorities",
                taxes.authorities(org).stream().map(TaxAuthority::toJson).toList());
    }

    @GetMapping("/taxauthorities/{authorityId}")
    public ResponseEntity<Map<String, Object>> authority(@RequestParam("organization_id") String org,
            @PathVariable String authorityId) {
        return BooksEnvelope.ok("success", "tax_authority", taxes.requireAuthority(org, authorityId).toJson());
    }

    @PostMapping("/taxauthorities")
    public ResponseEntity<Map<String, Object>> createAuthority(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        return BooksEnvelope.created("Tax authority has been created.", "tax_authority",
                taxes.createAuthority(org, JsonBodies.parse(body)).toJson());
    }
}
