package io.dealledger.emulator.books.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.books.currency.Currencies;
import io.dealledger.emulator.clock.EmulatorClock;
import io.dealledger.emulator.reset.Resettable;

/**
 * The Books organizations the emulator holds. Each org also owns the lock every change of its records
 * takes, so an invoice, its payments and credit notes always change together.
 */
@Component
public class Organizations implements Resettable {

    private final Map<String, BooksOrganization> organizations = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Currencies currencies;
    private final EmulatorClock clock;

    public Organizations(Currencies currencies, EmulatorClock clock) {
        this.currencies = currencies;
        this.clock = clock;
    }

    /** Adds the organization with its base currency; more currencies are added with {@link Currencies#add}. */
    public void register(BooksOrganization organization) {
        organizations.put(organization.organizationId(), organization);
        locks.putIfAbsent(organization.organizationId(), new Object());
        currencies.registerBase(organization, clock.today(organization.timeZone()));
    }

    public boolean exists(String organizationId) {
        return organizationId != null && organizations.containsKey(organizationId);
    }

    public BooksOrganization require(String organizationId) {
        BooksOrganization organization = organizationId == null ? null : organizations.get(organizationId);
        if (organization == null) {
            throw new BooksException(org.springframework.http.HttpStatus.BAD_REQUEST, 6041,
                    "This user is not associated with the CompanyID/CompanyName:" + organizationId + ".");
        }
        return organization;
    }

    public Object lock(String organizationId) {
        return locks.computeIfAbsent(organizationId, id -> new Object());
    }

    public List<BooksOrganization> all() {
        List<BooksOrganization> all = new ArrayList<>(organizations.values());
        all.sort(java.util.Comparator.comparing(BooksOrganization::organizationId));
        return all;
    }

    @Override
    public void reset() {
        organizations.clear();
    }
}
