package io.dealledger.zoho.oauth;

import java.time.Instant;

/** Refreshing now would exceed Zoho's 10 refreshes per 10 minutes, or Zoho already throttled us. */
public class TokenRefreshThrottledException extends RuntimeException {

    public TokenRefreshThrottledException(String message, Instant allowedAgainAt) {
        super(message + (allowedAgainAt == null ? "" : "; next refresh allowed at " + allowedAgainAt));
    }
}
