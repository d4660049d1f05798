package io.dealledger.core.invoice;

import java.util.Objects;

/** A Books invoice: invoice ids are unique within one Books organization only. */
public record InvoiceRef(String organizationId, String invoiceId) implements Comparable<InvoiceRef> {

    public InvoiceRef {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(invoiceId, "invoiceId");
    }

    /** The same key as the ledger facts topic uses: {@code org:invoice}. */
    public String key() {
        return organizationId + ":" + invoiceId;
    }

    @Override
    public int compareTo(InvoiceRef other) {
        int byOrg = organizationId.compareTo(other.organizationId);
        return byOrg != 0 ? byOrg : invoiceId.compareTo(other.invoiceId);
    }

    @Override
    public String toString() {
        return key();
    }
}
