package io.dealledger.emulator.books.currency;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.Paging;

/** {@code GET /books/v3/settings/currencies[/{id}]}: the organization's currencies with Books' exchange rates. */
@RestController
public class CurrenciesController {

    private final Currencies currencies;

    public CurrenciesController(Currencies currencies) {
        this.currencies = currencies;
    }

    @GetMapping("/books/v3/settings/currencies")
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        Map<String, Object> body = Paging.from(query).envelope("currencies",
                currencies.all(query.get("organization_id")).stream().map(OrgCurrency::toJson).toList(),
                "Currencies", "currency_code", "A");
        body.put("message", "List of all currencies are displayed successfully.");
        return body;
    }

    @GetMapping("/books/v3/settings/currencies/{currencyId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org,
            @PathVariable String currencyId) {
        return BooksEnvelope.ok("success", "currency", currencies.require(org, currencyId).toJson());
    }
}
