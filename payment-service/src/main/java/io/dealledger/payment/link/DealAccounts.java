package io.dealledger.payment.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.dealledger.payment.sync.BooksReader;
import io.dealledger.zoho.books.BooksRecords.Contact;
import io.dealledger.zoho.crm.CrmClient;
import io.dealledger.zoho.crm.CrmRecord;

/** Reads a deal's account from CRM and the Books customers that belong to it (field names from configuration). */
public class DealAccounts {

    private final CrmClient crm;
    private final BooksReader books;
    private final LinkProperties fields;
    private final Duration timeout;

    public DealAccounts(CrmClient crm, BooksReader books, LinkProperties fields, Duration timeout) {
        this.crm = crm;
        this.books = books;
        this.fields = fields;
        this.timeout = timeout;
    }

    /** The deal's account, or empty when CRM does not know the deal. */
    public Optional<DealAccount> of(String dealId) {
        Optional<CrmRecord> deal = crm.getRecord("Deals", dealId).blockOptional(timeout);
        if (deal.isEmpty()) {
            return Optional.empty();
        }
        String accountId = deal.get().lookupId(fields.dealAccountField());
        if (accountId == null) {
            return Optional.of(new DealAccount(dealId, null, null, null));
        }
        Optional<CrmRecord> account = crm.getRecord("Accounts", accountId).blockOptional(timeout);
        return Optional.of(new DealAccount(dealId, accountId,
                account.map(a -> a.string("Account_Name")).orElse(deal.get().lookupName(fields.dealAccountField())),
                account.map(a -> a.string(fields.accountCustomerField())).orElse(null)));
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
