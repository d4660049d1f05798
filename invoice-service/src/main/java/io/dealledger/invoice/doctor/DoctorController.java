package io.dealledger.invoice.doctor;

import java.util.stream.Collectors;

import io.dealledger.invoice.books.BooksFields;
import io.dealledger.invoice.crm.CrmFields;
import io.dealledger.invoice.crm.DealReader;
import io.dealledger.invoice.push.PushProperties;
import io.dealledger.invoice.routing.OrganizationRouter;
import io.dealledger.invoice.routing.RoutingProperties;
import io.dealledger.invoice.tax.TaxProperties;
import io.dealledger.invoice.tax.TaxResolver;
import io.dealledger.zoho.ZohoClients;
import io.dealledger.zoho.spring.ZohoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/doctor}: the setup checklist against the configured Zoho, as JSON, or as the text
 * {@code bin/dealledger doctor} prints ({@code Accept: text/plain}). Reads Zoho, writes nothing; on the service's
 * own port, like the audit, which compose does not publish.
 */
@RestController
@RequestMapping("/api/v1/doctor")
@EnableConfigurationProperties(DoctorProperties.class)
class DoctorController {

    private final SetupDoctor doctor;

    DoctorController(ZohoClients zoho, PushProperties push, RoutingProperties routes, TaxProperties tax, CrmFields crm,
                     BooksFields books, DoctorProperties doctor, ZohoProperties zohoProperties, DealReader deals,
                     OrganizationRouter router, TaxResolver taxes) {
        this.doctor = new SetupDoctor(zoho, routes, crm, books, doctor, String.valueOf(zohoProperties.apiUrl()),
                push.callTimeout(), new TaxChecks(tax, zoho.crm(), deals, router, taxes, push.callTimeout()));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SetupDoctor.Report> report() {
        return Mono.fromCallable(doctor::examine).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    Mono<String> checklist() {
        return report().map(DoctorController::text);
    }

    static String text(SetupDoctor.Report report) {
        String lines = report.checks().stream().map(c -> String.format("  [%-7s] %s: %s%s", c.status(), c.name(),
                c.detail(), c.fix() == null || c.status() == SetupCheck.Status.PASS ? "" : "\n            fix: " + c.fix()))
                .collect(Collectors.joining("\n"));
        return "dealledger doctor: Zoho at " + report.zohoApiUrl() + "\n" + lines + "\n"
                + (report.invoicingCanWork() ? "RESULT: invoicing can work\n" : "RESULT: invoicing cannot work\n");
    }
}
