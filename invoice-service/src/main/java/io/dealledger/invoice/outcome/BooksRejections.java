package io.dealledger.invoice.outcome;

import io.dealledger.zoho.http.ZohoApiException;

/** Turns a Books validation error into a rejection that says what Books refused, in Zoho's own words. */
public final class BooksRejections {

    private BooksRejections() {
    }

    public static Rejection of(ZohoApiException e, String what) {
        return Rejection.of(Rejection.Code.BOOKS_VALIDATION, e.field(),
                "Books refused " + what + " (code " + e.code() + "): " + e.zohoMessage());
    }
}
