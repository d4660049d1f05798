package io.dealledger.emulator.books.org;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.dealledger.emulator.books.BooksEnvelope;
import io.dealledger.emulator.books.BooksException;

/** {@code GET /books/v3/organizations[/{id}]}: the orgs the token can use (no organization_id needed). */
@RestController
public class OrganizationsController {

    private final Organizations organizations;

    public OrganizationsController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/books/v3/organizations")
    public ResponseEntity<Map<String, Object>> list() {
        List<Map<String, Object>> all = organizations.all().stream().map(BooksOrganization::toListJson).toList();
        return BooksEnvelope.ok("success", "organizations", all);
    }

    @GetMapping("/books/v3/organizations/{organizationId}")
    public ResponseEntity<Map<String, Object>> get(@PathVariable String organizationId) {
        if (!organizations.exists(organizationId)) {
            throw BooksException.notFound("Organization");
        }
        return BooksEnvelope.ok("success", "organization", organizations.require(organizationId).toJson());
    }
}
