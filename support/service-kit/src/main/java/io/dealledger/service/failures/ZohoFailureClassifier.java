package io.dealledger.service.failures;

import java.util.Optional;

import io.dealledger.schemas.failures.FailureCategory;
import io.dealledger.zoho.http.ZohoApiException;
import io.dealledger.zoho.http.ZohoService;
import io.dealledger.zoho.http.ZohoTimeoutException;
import io.dealledger.zoho.limits.BooksDailyLimitException;
import io.dealledger.zoho.oauth.TokenRefreshThrottledException;

/**
 * Zoho's failures as a person acts on them: throttled or down is "unavailable" (wait, then replay), the day's
 * Books calls spent is "daily limit" (it resumes after the organization's midnight); a refused token is
 * "authorization" (fix the OAuth client); any other 4xx is a validation error.
 */
public final class ZohoFailureClassifier implements FailureClassifier {

    @Override
    public Optional<FailureCategory> classify(Throwable failure) {
        if (failure instanceof BooksDailyLimitException) {
            return Optional.of(FailureCategory.BOOKS_DAILY_LIMIT);
        }
        if (failure instanceof TokenRefreshThrottledException) {
            return Optional.of(FailureCategory.ZOHO_AUTHORIZATION);
        }
        if (failure instanceof ZohoTimeoutException timeout) {
            return Optional.of(unavailable(timeout.service()));
        }
        if (failure instanceof ZohoApiException api) {
            if (api.service() == ZohoService.ACCOUNTS || api.httpStatus() == 401) {
                return Optional.of(FailureCategory.ZOHO_AUTHORIZATION);
            }
            if (api.retryable() || api.httpStatus() == 429 || api.httpStatus() >= 500) {
                return Optional.of(unavailable(api.service()));
            }
            if (api.notFound()) {
                return Optional.of(api.service() == ZohoService.CRM ? FailureCategory.CRM_RECORD_MISSING
                        : FailureCategory.BOOKS_VALIDATION);
            }
            return Optional.of(api.service() == ZohoService.CRM ? FailureCategory.CRM_FIELD_MISSING
                    : FailureCategory.BOOKS_VALIDATION);
        }
        return Optional.empty();
    }

    private static FailureCategory unavailable(ZohoService service) {
        return service == ZohoService.CRM ? FailureCategory.CRM_UNAVAILABLE : FailureCategory.BOOKS_UNAVAILABLE;
    }
}
