package io.dealledger.payment.facts;

import org.apache.avro.specific.SpecificRecordBase;

/**
 * One ledger fact ready to publish: its record key ({@code org:invoice}) and the event, whose id is derived
 * from Books ids so the same money event always gives the same fact.
 */
public record Fact(String key, SpecificRecordBase event) {

    public String eventId() {
        return event.get("eventId").toString();
    }

    public String type() {
        return event.getClass().getSimpleName();
    }

    public String organizationId() {
        return event.get("organizationId").toString();
    }

    public String invoiceId() {
        return event.get("invoiceId").toString();
    }
}
