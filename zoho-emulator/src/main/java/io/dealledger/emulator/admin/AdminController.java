package io.dealledger.emulator.admin;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksQuirks;
import io.dealledger.emulator.books.currency.Currencies;
import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBodies;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.limits.LimitSettings;
import io.dealledger.emulator.oauth.AccessTokens;

/** Admin API (never under Zoho's paths): reset, clock, limits, tokens, extra Books organizations. */
@RestController
@RequestMapping("/_emulator")
public class AdminController {

    private final EmulatorReset reset;
    private final EmulatorClock clock;
    private final LimitSettings limits;
    private final AccessTokens tokens;
    private final Organizations organizations;
    private final Currencies currencies;
    private final BooksQuirks quirks;

    public AdminController(EmulatorReset reset, EmulatorClock clock, LimitSettings limits, AccessTokens tokens,
            Organizations organizations, Currencies currencies, BooksQuirks quirks) {
        this.currencies = currencies;
        this.quirks = quirks;
        this.reset = reset;
        this.clock = clock;
        this.limits = limits;
        this.tokens = tokens;
        this.organizations = organizations;
    }

    /**
     * Body (optional): {@code {"seed": false}} to start empty. Refused (409) for a world kept in a journal: it belongs
     * with the broker's facts, and a reset would hand out their ids again; {@code bin/dealledger up --reset} clears both.
     */
    @PostMapping("/reset")
    public ResponseEntity<Map<String, Object>> reset(@RequestBody(required = false) String raw) {
        boolean seed = JsonBodies.parse(raw).bool("seed", reset.seedByDefault());
        if (reset.kept()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("code", 409, "message",
                    "this emulator keeps its world with the broker's facts (zoho-emulator.world.dir): a reset would hand"
                            + " out their ids again; stop it and clear both (bin/dealledger up --reset)"));
        }
        reset.reset(seed);
        return ResponseEntity.ok(Map.of("reset", true, "seeded", seed));
    }

    @GetMapping("/clock")
    public Map<String, Object> clock() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("now", clock.now().toString());
        json.put("today_utc", clock.today(ZoneOffset.UTC).toString());
        json.put("offset_seconds", clock.offset().toSeconds());
        return json;
    }

    /** Moves "now" forward: {@code {"days":31}}, also {@code hours}, {@code minutes}, {@code seconds}. */
    @PostMapping("/clock/advance")
    public Map<String, Object> advance(@RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        Duration by = Duration.ofDays(whole(body, "days")).plusHours(whole(body, "hours"))
                .plusMinutes(whole(body, "minutes")).plusSeconds(whole(body, "seconds"));
        clock.advance(by);
        return clock();
    }

    /** Sets the offset from real time: {@code {"offset_seconds": 0}} goes back to now. */
    @PutMapping("/clock")
    public Map<String, Object> setClock(@RequestBody(required = false) String raw) {
        clock.setOffset(Duration.ofSeconds(whole(JsonBodies.parse(raw), "offset_seconds")));
        return clock();
    }

    @GetMapping("/limits")
    public Map<String, Object> limits() {
        return limits.current().toJson();
    }

    /** Tunes limits at run time, e.g. {@code {"books_per_minute":3}}; reset restores configuration. */
    @PutMapping("/limits")
    public Map<String, Object> updateLimits(@RequestBody(required = false) String raw) {
        return limits.update(JsonBodies.parse(raw)).toJson();
    }

    /**
     * An access token without going through the refresh throttle (for tests and tools): with the granted scopes,
     * or those of the body {@code {"scopes":["ZohoBooks.invoices.READ"]}}.
     */
    @PostMapping("/oauth/tokens")
    public ResponseEntity<Map<String, Object>> token(@RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        AccessTokens.IssuedToken issued = body.isList("scopes") ? tokens.issue(body.strings("scopes")) : tokens.issue();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("access_token", issued.accessToken(),
                "expires_in", issued.expiresInSeconds(), "scope", issued.scope()));
    }

    /** The scopes the OAuth client is granted, i.e. those tokens minted from now on carry; reset restores them. */
    @PutMapping("/oauth/scopes")
    public Map<String, Object> grant(@RequestBody(required = false) String raw) {
        tokens.grant(JsonBodies.parse(raw).strings("scopes"));
        return Map.of("scopes", tokens.granted());
    }

    @GetMapping("/oauth/scopes")
    public Map<String, Object> granted() {
        return Map.of("scopes", tokens.granted());
    }

    /** Expires every issued access token, so clients must refresh. */
    @PostMapping("/oauth/expire-all")
    public Map<String, Object> expireAll() {
        return Map.of("expired", tokens.expireAll());
    }

    /**
     * Adds a Books organization: {@code {"organization_id","name","country","currency_code","currency_id","time_zone"}};
     * its country decides its tax rules (U.S.A and Canada have tax authorities). Add currencies with
     * {@code POST /_emulator/books/organizations/{id}/currencies}.
     */
    @PostMapping("/books/organizations")
    public ResponseEntity<Map<String, Object>> addOrganization(@RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        String id = body.string("organization_id");
        if (id == null || !id.matches("\\d{5,}")) {
            throw new IllegalArgumentException("organization_id must be numeric (5+ digits)");
        }
        BooksOrganization organization = new BooksOrganization(id, body.string("name", "Organization " + id),
                body.string("country", "U.S.A"), body.string("currency_code", "USD"),
                body.string("currency_id", "460000000000097"), ZoneId.of(body.string("time_zone", "UTC")));
        organizations.register(organization);
        return ResponseEntity.status(HttpStatus.CREATED).body(organization.toJson());
    }

    /** Enables a currency in an organization at Books' rate: {@code {"currency_code":"EUR","exchange_rate":1.085}}. */
    @PostMapping("/books/organizations/{organizationId}/currencies")
    public ResponseEntity<Map<String, Object>> addCurrency(@PathVariable String organizationId,
            @RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        BooksOrganization organization = organizations.require(organizationId);
        String code = body.string("currency_code");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("currency_code is required");
        }
        String currencyId = body.string("currency_id", organizationId + String.format("%05d",
                Math.floorMod(code.toUpperCase().hashCode(), 100_000)));
        OrgCurrency currency = currencies.add(organizationId, currencyId, code,
                body.decimal("exchange_rate") == null ? java.math.BigDecimal.ONE : body.decimal("exchange_rate"),
                clock.today(organization.timeZone()));
        return ResponseEntity.status(HttpStatus.CREATED).body(currency.toJson());
    }

    /** Books behaviours its docs leave open, e.g. {@code {"invoice_list_ignores_zcrm_potential_id": true}}. */
    @PutMapping("/books/quirks")
    public Map<String, Object> quirks(@RequestBody(required = false) String raw) {
        quirks.update(JsonBodies.parse(raw));
        return quirks.toJson();
    }

    private static long whole(JsonBody body, String key) {
        return body.has(key) ? body.decimal(key).longValueExact() : 0;
    }
}
