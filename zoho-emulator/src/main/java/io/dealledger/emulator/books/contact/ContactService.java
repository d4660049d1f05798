package io.dealledger.emulator.books.contact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.BooksInput;
import io.dealledger.emulator.books.currency.Currencies;
import io.dealledger.emulator.books.currency.OrgCurrency;
import io.dealledger.emulator.books.customfield.PreventDuplicates;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.books.org.BooksIds;
import io.dealledger.emulator.books.org.OrgRecords;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.books.tax.TaxService;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.json.JsonBody;
import io.dealledger.emulator.reset.Resettable;

/**
 * Books customers. A display name that already exists (ignoring case and surrounding spaces) is refused,
 * so one company pushed twice under the same name is never silently merged.
 */
@Service
public class ContactService implements Resettable {

    private final OrgRecords<Contact> contacts = new OrgRecords<>();
    private final Organizations organizations;
    private final TaxService taxes;
    private final BooksIds ids;
    private final EmulatorClock clock;
    private final Currencies currencies;
    private final PreventDuplicates preventDuplicates;

    public ContactService(Organizations organizations, TaxService taxes, BooksIds ids, EmulatorClock clock,
            Currencies currencies, PreventDuplicates preventDuplicates) {
        this.organizations = organizations;
        this.taxes = taxes;
        this.ids = ids;
        this.clock = clock;
        this.currencies = currencies;
        this.preventDuplicates = preventDuplicates;
    }

    public Contact create(String orgId, JsonBody body) {
        String name = BooksInput.required(body, "contact_name");
        synchronized (organizations.lock(orgId)) {
            refuseDuplicateName(orgId, name, null);
            validate(orgId, body);
            OrgCurrency currency = currency(orgId, body);
            Contact contact = new Contact(ids.next(BooksIds.Kind.CONTACT), name,
                    currency == null ? currencies.base(orgId) : currency, clock.now());
            contact.apply(body, null, () -> ids.next(BooksIds.Kind.CONTACT_PERSON), clock.now());
            contacts.put(orgId, contact.contactId(), contact);
            return contact;
        }
    }

    public Contact update(String orgId, String contactId, JsonBody body) {
        synchronized (organizations.lock(orgId)) {
            Contact contact = require(orgId, contactId);
            if (body.has("contact_name")) {
                refuseDuplicateName(orgId, body.string("contact_name"), contactId);
            }
            validate(orgId, body);
            OrgCurrency currency = currency(orgId, body);
            if (currency != null && !currency.currencyId().equals(contact.currency().currencyId())
                    && contact.hasTransactions()) {
                throw BooksException.invalid(BooksCodes.INVALID_STATE, "The currency of " + contact.contactName()
                        + " cannot be changed: it has transactions in " + contact.currency().currencyCode() + ".");
            }
            contact.apply(body, currency, () -> ids.next(BooksIds.Kind.CONTACT_PERSON), clock.now());
            return contact;
        }
    }

    public Upserted<Contact> upsert(String orgId, UniqueKey key, JsonBody body) {
        preventDuplicates.requireUpsertKey("contact", key);
        synchronized (organizations.lock(orgId)) {
            List<Contact> matches = contacts.all(orgId).stream()
                    .filter(c -> c.customFields().matches(key.apiName(), key.value())).toList();
            if (matches.size() > 1) {
                throw BooksException.invalid(BooksCodes.DUPLICATE, "More than one contact has " + key.apiName() + " = " + key.value() + ".");
            }
            if (matches.size() == 1) {
                return new Upserted<>(update(orgId, matches.get(0).contactId(), body), false);
            }
            if (!key.upsert()) {
                throw BooksException.notFound("Contact");
            }
            body.asMap().putIfAbsent("custom_fields", List.of(Map.of("api_name", key.apiName(), "value", key.value())));
            Contact created = create(orgId, body);
            created.customFields().put(key.apiName(), key.value());
            return new Upserted<>(created, true);
        }
    }

    public Contact require(String orgId, String contactId) {
        Contact contact = contactId == null ? null : contacts.get(orgId, contactId);
        if (contact == null) {
            throw BooksException.notFound("Contact");
        }
        return contact;
    }

    public Contact find(String orgId, String contactId) {
        return contactId == null ? null : contacts.get(orgId, contactId);
    }

    public List<Contact> list(String orgId, Map<String, String> query) {
        Stream<Contact> all = contacts.all(orgId).stream();
        String name = query.get("contact_name");
        if (name != null) {
            all = all.filter(c -> c.contactName().equals(name));
        }
        String startsWith = query.get("contact_name_startswith");
        if (startsWith != null) {
            all = all.filter(c -> lower(c.contactName()).startsWith(lower(startsWith)));
        }
        String contains = query.get("contact_name_contains");
        if (contains != null) {
            all = all.filter(c -> lower(c.contactName()).contains(lower(contains)));
        }
        String email = query.get("email");
        if (email != null) {
            all = all.filter(c -> c.email().equalsIgnoreCase(email));
        }
        String search = query.get("search_text");
        if (search != null) {
            all = all.filter(c -> lower(c.contactName()).contains(lower(search)));
        }
        String zcrmAccountId = query.get("zcrm_account_id");
        if (zcrmAccountId != null) {
            all = all.filter(c -> zcrmAccountId.equals(String.valueOf(c.attribute("zcrm_account_id"))));
        }
        Comparator<Contact> order = "created_time".equals(query.get("sort_column"))
                ? Comparator.comparing(Contact::contactId)
                : Comparator.comparing(c -> lower(c.contactName()));
        return all.sorted(order).toList();
    }

    /** The currency {@code currency_id} names (Books takes no code here), or null when the body names none. */
    private OrgCurrency currency(String orgId, JsonBody body) {
        return body.has("currency_id") && !body.string("currency_id").isBlank()
                ? currencies.require(orgId, body.string("currency_id")) : null;
    }

    private void validate(String orgId, JsonBody body) {
        if (body.has("tax_authority_id") && !body.string("tax_authority_id").isBlank()) {
            taxes.requireAuthority(orgId, body.string("tax_authority_id"));
        }
    }

    private void refuseDuplicateName(String orgId, String name, String exceptId) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        boolean taken = contacts.all(orgId).stream()
                .anyMatch(c -> !c.contactId().equals(exceptId) && c.contactName().strip().toLowerCase(Locale.ROOT).equals(wanted));
        if (taken) {
            throw BooksException.invalid(BooksCodes.CONTACT_NAME_EXISTS,
                    "The customer \"" + name + "\" already exists. Please specify a different contact_name.");
        }
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public void reset() {
        contacts.clear();
    }
}
