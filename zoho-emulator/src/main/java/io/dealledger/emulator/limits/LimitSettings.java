package io.dealledger.emulator.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.config.EmulatorProperties;
import io.dealledger.emulator.json.JsonBody;

/**
 * Zoho's limits as currently in force: start from configuration, may be tuned at run time through the
 * admin API (so one running emulator can test a limit of 3 per minute, then go back), and return to the
 * configured values on reset.
 */
@Component
public class LimitSettings implements io.dealledger.emulator.reset.Resettable {

    private final Values configured;
    private final AtomicReference<Values> current;

    public LimitSettings(EmulatorProperties properties) {
        var books = properties.books().limits();
        var crm = properties.crm();
        var oauth = properties.oauth();
        this.configured = new Values(books.enabled(), books.perMinute(), books.inFlight(), books.daily(),
                crm.limitsEnabled(), crm.concurrency(), true, oauth.refreshLimit(), oauth.refreshWindow().toSeconds());
        this.current = new AtomicReference<>(configured);
    }

    public Values current() {
        return current.get();
    }

    public Values update(JsonBody patch) {
        return current.updateAndGet(values -> values.patched(patch));
    }

    @Override
    public void reset() {
        current.set(configured);
    }

    public record Values(boolean booksLimitsEnabled, int booksPerMinute, int booksInFlight, int booksDaily,
            boolean crmLimitsEnabled, int crmConcurrency,
            boolean tokenRefreshLimitEnabled, int tokenRefreshLimit, long tokenRefreshWindowSeconds) {

        Values patched(JsonBody patch) {
            return new Values(
                    patch.bool("books_limits_enabled", booksLimitsEnabled),
                    intOr(patch, "books_per_minute", booksPerMinute),
                    intOr(patch, "books_in_flight", booksInFlight),
                    intOr(patch, "books_daily", booksDaily),
                    patch.bool("crm_limits_enabled", crmLimitsEnabled),
                    intOr(patch, "crm_concurrency", crmConcurrency),
                    patch.bool("token_refresh_limit_enabled", tokenRefreshLimitEnabled),
                    intOr(patch, "token_refresh_limit", tokenRefreshLimit),
                    patch.has("token_refresh_window_seconds")
                            ? patch.decimal("token_refresh_window_seconds").longValueExact()
                            : tokenRefreshWindowSeconds);
        }

        private static int intOr(JsonBody patch, String key, int fallback) {
            return patch.has(key) ? patch.decimal(key).intValueExact() : fallback;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("books_limits_enabled", booksLimitsEnabled);
            json.put("books_per_minute", booksPerMinute);
            json.put("books_in_flight", booksInFlight);
            json.put("books_daily", booksDaily);
            json.put("crm_limits_enabled", crmLimitsEnabled);
            json.put("crm_concurrency", crmConcurrency);
            json.put("token_refresh_limit_enabled", tokenRefreshLimitEnabled);
            json.put("token_refresh_limit", tokenRefreshLimit);
            json.put("token_refresh_window_seconds", tokenRefreshWindowSeconds);
            return json;
        }
    }
}
