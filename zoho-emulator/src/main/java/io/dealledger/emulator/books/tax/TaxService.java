package io.dealledger.emulator.books.tax;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;

/** Taxes and (US and Canadian organizations) tax authorities of each organization. */
@Service
public class TaxService implements Resettable {

    private final OrgRecords<Tax> taxes = new OrgRecords<>();
    private final OrgRecords<TaxAuthority> authorities = new OrgRecords<>();
    private final Organizations organizations;
    private final BooksIds ids;

    public TaxService(Organizations organizations, BooksIds ids) {
        this.organizations = organizations;
        this.ids = ids;
    }

    public TaxAuthority createAuthority(String orgId, JsonBody body) {
        BooksOrganization org = organizations.require(orgId);
        if (!org.hasTaxAuthorities()) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "Tax authorities are available to organizations in the U.S.A and Canada only.");
        }
        String name = BooksInput.required(body, "tax_authority_name");
        synchronized (organizations.lock(orgId)) {
            boolean exists = authorities.all(orgId).stream().anyMatch(a -> a.taxAuthorityName().equalsIgnoreCase(name));
            if (exists) {
                throw BooksException.invalid(BooksCodes.DUPLICATE, "The tax authority \"" + name + "\" already exists.");
            }
            TaxAuthority authority = new TaxAuthority(ids.next(BooksIds.Kind.TAX_AUTHORITY), name, body.string("description"));
            authorities.put(orgId, authority.taxAuthorityId(), authority);
            return authority;
        }
    }

    public Tax createTax(String orgId, JsonBody body) {
        BooksOrganization org = organizations.require(orgId);
        String name = BooksInput.required(body, "tax_name");
        BigDecimal percentage = BooksInput.decimal(body, "tax_percentage");
        if (percentage == null || percentage.signum() < 0) {
            throw BooksException.invalidValue("tax_percentage");
        }
        synchronized (organizations.lock(orgId)) {
            TaxAuthority authority = null;
            if (body.has("tax_authority_id")) {
                authority = requireAuthority(orgId, body.string("tax_authority_id"));
            } else if (body.has("tax_authority_name") && org.hasTaxAuthorities()) {
                String authorityName = body.string("tax_authority_name");
                authority = authorities.all(orgId).stream().filter(a -> a.taxAuthorityName().equals(authorityName))
                        .findFirst().orElse(null);
            }
            Tax tax = new Tax(ids.next(BooksIds.Kind.TAX), name, percentage, body.string("tax_type", "tax"),
                    authority == null ? null : authority.taxAuthorityId(),
                    authority == null ? null : authority.taxAuthorityName(), body.string("country", org.country()));
            taxes.put(orgId, tax.taxId(), tax);
            return tax;
        }
    }

    public Tax requireTax(String orgId, String taxId) {
        Tax tax = taxes.get(orgId, taxId);
        if (tax == null) {
            throw BooksException.notFound("Tax");
        }
        return tax;
    }

    public TaxAuthority requireAuthority(String orgId, String authorityId) {
        TaxAuthority authority = authorities.get(orgId, authorityId);
        if (authority == null) {
            throw BooksException.notFound("Tax authority");
        }
        return authority;
    }

    public List<Tax> taxes(String orgId) {
        return taxes.all(orgId);
    }

    public List<TaxAuthority> authorities(String orgId) {
        return authorities.all(orgId);
    }

    @Override
    public void reset() {
        taxes.clear();
        authorities.clear();
    }
}
