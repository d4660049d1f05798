package io.dealledger.emulator.admin;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    public AdminController(EmulatorReset reset, EmulatorClock clock, LimitSettings limits, AccessTokens tokens,
            Organizations organizations) {
        this.reset = reset;
        this.clock = clock;
        this.limits = limits;
        this.tokens = tokens;
        this.organizations = organizations;
    }

    /** Body (optional): {@code {"seed": false}} to start empty. */
    @PostMapping("/reset")
    public Map<String, Object> reset(@RequestBody(required = false) String raw) {
        boolean seed = JsonBodies.parse(raw).bool("seed", reset.seedByDefault());
        reset.reset(seed);
        return Map.of("reset", true, "seeded", seed);
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

    /** An access token without going through the refresh throttle (for tests and tools). */
    @PostMapping("/oauth/tokens")
    public ResponseEntity<Map<String, Object>> token() {
        AccessTokens.IssuedToken issued = tokens.issue();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("access_token", issued.accessToken(), "expires_in", issued.expiresInSeconds()));
    }

    /** Expires every issued access token, so clients must refresh. */
    @PostMapping("/oauth/expire-all")
    public Map<String, Object> expireAll() {
        return Map.of("expired", tokens.expireAll());
    }

    /** Adds a Books organization: {@code {"organization_id","name","edition":"US|UK|...","country","currency_code","time_zone"}}. */
    @PostMapping("/books/organizations")
    public ResponseEntity<Map<String, Object>> addOrganization(@RequestBody(required = false) String raw) {
        JsonBody body = JsonBodies.parse(raw);
        String id = body.string("organization_id");
        if (id == null || !id.matches("\\d{5,}")) {
            throw new IllegalArgumentException("organization_id must be numeric (5+ digits)");
        }
        BooksOrganization organization = new BooksOrganization(id, body.string("name", "Organization " + id),
                body.string("edition", "US"), body.string("country", "U.S.A"), body.string("currency_code", "USD"),
                body.string("currency_id", "460000000000097"), ZoneId.of(body.string("time_zone", "UTC")));
        organizations.register(organization);
        return ResponseEntity.status(HttpStatus.CREATED).body(organization.toJson());
    }

    private static long whole(JsonBody body, String key) {
        return body.has(key) ? body.decimal(key).longValueExact() : 0;
    }
}
