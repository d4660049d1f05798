package io.dealledger.emulator.books.contact;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.Paging;
import io.dealledger.emulator.books.customfield.UniqueKey;
import io.dealledger.emulator.books.customfield.Upserted;
import io.dealledger.emulator.books.org.BooksOrganization;
import io.dealledger.emulator.books.org.Organizations;
import io.dealledger.emulator.json.JsonBodies;

/** {@code /books/v3/contacts}: create, get, list, update, and upsert by unique custom field. */
@RestController
@RequestMapping("/books/v3/contacts")
public class ContactsController {

    private final ContactService contacts;
    private final Organizations organizations;

    public ContactsController(ContactService contacts, Organizations organizations) {
        this.contacts = contacts;
        this.organizations = organizations;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> create(@RequestParam("organization_id") String org,
            @RequestBody(required = false) String body) {
        Contact contact = contacts.create(org, JsonBodies.parse(body));
        return BooksEnvelope.created("The contact has been created", "contact", contact.toJson(organizations.require(org)));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam Map<String, String> query) {
        String org = query.get("organization_id");
        BooksOrganization organization = organizations.require(org);
        return Paging.from(query).envelope("contacts",
                contacts.list(org, query).stream().map(c -> c.toListJson(organization)).toList(),
                "Contacts", query.getOrDefault("sort_column", "contact_name"), "A");
    }

    @GetMapping("/{contactId}")
    public ResponseEntity<Map<String, Object>> get(@RequestParam("organization_id") String org, @PathVariable String contactId) {
        return BooksEnvelope.ok("success", "contact", contacts.require(org, contactId).toJson(organizations.require(org)));
    }

    @PutMapping("/{contactId}")
    public ResponseEntity<Map<String, Object>> update(@RequestParam("organization_id") String org,
            @PathVariable String contactId, @RequestBody(required = false) String body) {
        Contact contact = contacts.update(org, contactId, JsonBodies.parse(body));
        return BooksEnvelope.ok("Contact has been updated successfully", "contact", contact.toJson(organizations.require(org)));
    }

    @PutMapping
    public ResponseEntity<Map<String, Object>> upsert(@RequestParam("organization_id") String org,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        Upserted<Contact> result = contacts.upsert(org, UniqueKey.from(headers), JsonBodies.parse(body));
        Map<String, Object> json = result.record().toJson(organizations.require(org));
        return result.created() ? BooksEnvelope.created("The contact has been created", "contact", json)
                : BooksEnvelope.ok("Contact has been updated successfully", "contact", json);
    }
}
