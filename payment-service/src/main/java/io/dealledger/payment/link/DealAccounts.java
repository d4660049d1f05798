package io.dealledger.payment.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dealledger.payment.sync.BooksReader;
import io.dealledger.zoho.accounts.AccountFields;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.crm.CrmClient;

/**
 * A deal's account as zoho-client's {@link io.dealledger.zoho.accounts.DealAccounts} reads it (the one reading of
 * "which account is this deal's" for every service), and the Books customers that belong to it, for the link rule
 * and its refusals (field names from configuration).
 */
public class DealAccounts {

    private final io.dealledger.zoho.accounts.DealAccounts crm;
    private final BooksReader books;
    private final LinkProperties fields;
    private final Duration timeout;

    public DealAccounts(CrmClient crm, BooksReader books, LinkProperties fields, Duration timeout) {
        this.crm = new io.dealledger.zoho.accounts.DealAccounts(crm, new AccountFields(fields.dealAccountField(),
                AccountFields.DEFAULTS.legalEntity(), fields.accountCustomerField(), fields.contactAccountField()));
        this.books = books;
        this.fields = fields;
        this.timeout = timeout;
    }

    /** The deal's account, or empty when CRM does not know the deal. */
    public Optional<DealAccount> of(String dealId) {
        return crm.ofDeal(dealId).blockOptional(timeout).map(read -> read.accountId() == null
                ? new DealAccount(dealId, null, null, null)
                : new DealAccount(dealId, read.accountId(), read.accountName(), read.booksCustomerId()));
    }

    /** The CRM account the Books contact names in its custom field, or null. */
    public String accountOf(String org, String contactId) {
        return books.contact(org, contactId).map(c -> c.customFields().get(fields.contactAccountField())).orElse(null);
    }

    /** "Name (id)" of every Books customer of the account, for a refusal a person can act on. */
    public List<String> customersOf(String org, DealAccount account) {
        List<String> names = new ArrayList<>();
        for (Contact contact : books.contacts(org)) {
            if (contact.contactId().equals(account.booksCustomerId())
                    || account.accountId().equals(contact.customFields().get(fields.contactAccountField()))) {
                names.add(contact.contactName() + " (" + contact.contactId() + ")");
            }
        }
        return names;
    }
}
