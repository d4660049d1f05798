package io.dealledger.emulator.books.invoice;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.contact.ContactService;
import io.dealledger.emulator.books.line.LineItem;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.tax.TaxAuthority;
import io.dealledger.emulator.books.tax.TaxService;
import io.dealledger.emulator.json.JsonBody;

/** Which tax authority an invoice has, and Books' refusal of a taxed US or Canadian invoice without one. */
final class TaxAuthorityRule {

    private final ContactService contacts;
    private final TaxService taxes;

    TaxAuthorityRule(ContactService contacts, TaxService taxes) {
        this.contacts = contacts;
        this.taxes = taxes;
    }

    /**
     * The US trap: in an organization in the U.S.A or Canada a taxed line needs a tax authority, from the
     * invoice or else from the customer. Without one Books refuses to save the invoice.
     */
    void apply(BooksOrganization org, Invoice invoice, JsonBody body) {
        String authorityId = body.has("tax_authority_id") && !body.string("tax_authority_id").isBlank()
                ? body.string("tax_authority_id") : invoice.taxAuthorityId;
        if (authorityId == null) {
            authorityId = contacts.require(org.organizationId(), invoice.customerId).taxAuthorityId();
        }
        if (authorityId != null && org.hasTaxAuthorities()) {
            TaxAuthority authority = taxes.requireAuthority(org.organizationId(), authorityId);
            invoice.taxAuthorityId = authority.taxAuthorityId();
            invoice.taxAuthorityName = authority.taxAuthorityName();
            return;
        }
        if (org.hasTaxAuthorities()) {
            for (LineItem line : invoice.lineItems) {
                if (line.isTaxed()) {
                    throw BooksException.invalid(BooksCodes.MANDATORY_MISSING, "The field tax_authority_id is mandatory: line "
                            + line.itemOrder() + " (" + line.name() + ") is taxed with " + line.taxName()
                            + " and an organization in " + org.country() + " needs a tax authority for taxed line items.");
                }
            }
        }
    }
}
