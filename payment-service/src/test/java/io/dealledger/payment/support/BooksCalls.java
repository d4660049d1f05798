package io.dealledger.payment.support;

import tools.jackson.databind.JsonNode;

/** payment-service's own Books calls as the emulator counted them (a Books user's actions are logged apart). */
public final class BooksCalls {

    private BooksCalls() {
    }

    /** Calls of {@code method} to the endpoint template {@code endpoint} (e.g. {@code /books/v3/invoices/{id}}). */
    public static long count(String org, String method, String endpoint) {
        long total = 0;
        for (JsonNode row : Emulator.zoho().admin().get("calls?family=books&organization_id=" + org).path("calls")
                .values()) {
            if (method.equals(row.path("method").asString()) && endpoint.equals(row.path("endpoint").asString())) {
                total += row.path("count").asLong();
            }
        }
        return total;
    }

    /** Every call to the organization. */
    public static long all(String org) {
        long total = 0;
        for (JsonNode row : Emulator.zoho().admin().get("calls?family=books&organization_id=" + org).path("calls")
                .values()) {
            total += row.path("count").asLong();
        }
        return total;
    }
}
