package io.dealledger.invoice.tax;

/**
 * The Books tax rate of one region and, for US/CA-edition orgs, its tax authority. A blank tax id means
 * the region is deliberately not taxed (e.g. zero-rated exports); a blank authority means "the one the
 * Books tax rate carries".
 */
public record TaxMapping(String taxId, String taxAuthorityId) {

    public boolean taxed() {
        return taxId != null && !taxId.isBlank();
    }
}
