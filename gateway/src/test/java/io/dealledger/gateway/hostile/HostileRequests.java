package io.dealledger.gateway.hostile;

import static io.dealledger.gateway.support.GatewayIT.newId;
import static io.dealledger.gateway.hostile.HostileCase.Auth.BOOKS;
import static io.dealledger.gateway.hostile.HostileCase.Auth.CRM;
import static io.dealledger.gateway.hostile.HostileCase.Auth.NONE;
import static io.dealledger.gateway.hostile.HostileCase.Auth.OPERATOR;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealledger.gateway.auth.CallSignature;
import io.dealledger.gateway.support.Signatures;
import io.dealledger.gateway.support.TestSecrets;

import org.springframework.http.HttpMethod;

/**
 * Hostile paths, queries, media types and signatures on every public route: ids that are not Zoho ids (the
 * overflowing number forms included), parameters out of range, bodies of another type on JSON routes, and
 * signatures that are missing, v1, made with the other role's secret or for another route.
 */
final class HostileRequests {

    /** Every signed route: its name, method, a valid path, who signs it and a valid body. */
    record Route(String name, HttpMethod method, String path, HostileCase.Auth auth, String body) {
    }

    static final List<Route> SIGNED = List.of(
            new Route("invoice-requests", HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-requests", CRM, "{}"),
            new Route("invoice-previews", HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-previews", CRM, "{}"),
            new Route("invoice-links", HttpMethod.POST, "/api/v1/deals/" + newId() + "/invoice-links", CRM,
                    "{\"invoiceId\":\"" + newId() + "\"}"),
            new Route("invoice-unlink", HttpMethod.DELETE, "/api/v1/deals/" + newId() + "/invoice-links/" + newId(), CRM,
                    ""),
            new Route("invoice-request-status", HttpMethod.GET, "/api/v1/invoice-requests/0b9d3c52-8a3e-4b1e-9f0a-2d6c1e7f4a10",
                    CRM, ""),
            new Route("deal-ledger", HttpMethod.GET, "/api/v1/deals/" + newId() + "/ledger", CRM, ""),
            new Route("account-ledger", HttpMethod.GET, "/api/v1/accounts/" + newId() + "/ledger", CRM, ""),
            new Route("invoice-candidates", HttpMethod.GET, "/api/v1/deals/" + newId() + "/invoice-candidates", CRM, ""),
            new Route("dead-letters", HttpMethod.GET, "/api/v1/dead-letters", OPERATOR, ""),
            new Route("dead-letter-replays", HttpMethod.POST, "/api/v1/dead-letters/replays", OPERATOR,
                    "{\"service\":\"invoice-service\"}"),
            new Route("backfill", HttpMethod.POST, "/api/v1/backfill/organizations/" + TestSecrets.ORG, OPERATOR, ""),
            new Route("backfill-status", HttpMethod.GET, "/api/v1/backfill/organizations/" + TestSecrets.ORG, OPERATOR, ""),
            new Route("reconciliations", HttpMethod.POST, "/api/v1/reconciliations", OPERATOR, ""));

    private HostileRequests() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        SIGNED.forEach(route -> badSignatures(cases, route));
        badIdsInPaths(cases);
        badQueries(cases);
        otherMediaTypes(cases);
        return cases;
    }

    /** Missing, v1, the other role's secret, a header made for another route: 401 everywhere. */
    private static void badSignatures(List<HostileCase> cases, Route route) {
        byte[] body = route.body().getBytes(StandardCharsets.UTF_8);
        String type = route.body().isEmpty() ? null : "application/json";
        String otherSecret = route.auth() == CRM ? TestSecrets.OPERATOR : TestSecrets.CRM;
        long now = Instant.now().getEpochSecond();
        Map<String, String> signatures = Map.of(
                "no signature", "",
                "v1 signature", CallSignature.signV1(route.auth() == CRM ? TestSecrets.CRM : TestSecrets.OPERATOR, now, body),
                "the other role's secret", Signatures.sign(otherSecret, now, route.method(), route.path(), route.body()),
                "a header made for another route", Signatures.crm(HttpMethod.GET, "/api/v1/deals/42/ledger", ""),
                "a header made for another body", Signatures.sign(route.auth() == CRM ? TestSecrets.CRM : TestSecrets.OPERATOR,
                        now, route.method(), route.path(), route.body() + " "),
                "garbage", "t=1,n=,v2=" + "z".repeat(64));
        signatures.forEach((what, header) -> {
            HostileCase unsigned = new HostileCase(route.name(), route.name() + " " + what, route.method(), route.path(),
                    NONE, Map.of(), type, body);
            cases.add(header.isEmpty() ? unsigned : unsigned.withHeader(CallSignature.HEADER, header));
        });
    }

    private static void badIdsInPaths(List<HostileCase> cases) {
        List<String> ids = List.of("abc", "1e2147483648", "1E%2B9999999999999", "1e-2147483649", "-1", "1.5",
                "9".repeat(31), "%D9%A1%D9%A2", "%EF%BC%91", "12%00", "..%2F..%2Fetc");
        for (String id : ids) {
            cases.add(HostileCase.empty("deal-ledger", HttpMethod.GET, "/api/v1/deals/" + id + "/ledger", CRM));
            cases.add(HostileCase.empty("invoice-candidates", HttpMethod.GET, "/api/v1/deals/" + id + "/invoice-candidates",
                    CRM));
            cases.add(HostileCase.empty("account-ledger", HttpMethod.GET, "/api/v1/accounts/" + id + "/ledger", CRM));
            cases.add(HostileCase.empty("invoice-request-status", HttpMethod.GET, "/api/v1/invoice-requests/" + id, CRM));
            cases.add(HostileCase.empty("invoice-unlink", HttpMethod.DELETE, "/api/v1/deals/" + id + "/invoice-links/"
                    + newId(), CRM));
            cases.add(HostileCase.empty("invoice-unlink", HttpMethod.DELETE, "/api/v1/deals/" + newId() + "/invoice-links/"
                    + id, CRM));
            cases.add(HostileCase.empty("backfill", HttpMethod.POST, "/api/v1/backfill/organizations/" + id, OPERATOR));
            cases.add(HostileCase.empty("backfill-status", HttpMethod.GET, "/api/v1/backfill/organizations/" + id,
                    OPERATOR));
            cases.add(HostileCase.json("books-webhook", HttpMethod.POST, "/webhooks/books/" + id, BOOKS,
                    "{\"invoice\":{\"invoice_id\":\"" + newId() + "\"}}"));
        }
    }

    private static void badQueries(List<HostileCase> cases) {
        String unlink = "/api/v1/deals/" + newId() + "/invoice-links/" + newId();
        for (String org : List.of("abc", "1e2147483648", "-1", "9".repeat(31), "%EF%BC%91")) {
            cases.add(HostileCase.empty("invoice-unlink", HttpMethod.DELETE, unlink + "?organizationId=" + org, CRM));
        }
        for (String query : List.of("limit=1e2147483648", "limit=0", "limit=-1", "limit=99999999999", "limit=1.5",
                "status=done", "status=1e2147483648", "service=crm", "service=1e2147483648")) {
            cases.add(HostileCase.empty("dead-letters", HttpMethod.GET, "/api/v1/dead-letters?" + query, OPERATOR));
        }
        for (String query : List.of("rewrite=1e2147483648", "rewrite=yes", "rewrite=true&rewrite=false", "all=1")) {
            cases.add(HostileCase.empty("reconciliations", HttpMethod.POST, "/api/v1/reconciliations?" + query, OPERATOR));
        }
        cases.add(HostileCase.empty("backfill", HttpMethod.POST, "/api/v1/backfill/organizations/" + TestSecrets.ORG
                + "?since=1e2147483648", OPERATOR));
        for (String route : List.of("backfill", "reconciliations")) {
            String path = route.equals("backfill") ? "/api/v1/backfill/organizations/" + TestSecrets.ORG
                    : "/api/v1/reconciliations";
            cases.add(HostileCase.json(route, HttpMethod.POST, path, OPERATOR, "{\"rewrite\":1e2147483648}"));
        }
        cases.add(HostileCase.bytes("invoice-unlink", "with a body", HttpMethod.DELETE, unlink, CRM, "application/json",
                "{\"organizationId\":1e2147483648}".getBytes(StandardCharsets.UTF_8)));
    }

    /** JSON routes take application/json (UTF-8) only: anything else is 415, however plausible the bytes. */
    private static void otherMediaTypes(List<HostileCase> cases) {
        List<String> types = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "application/json; charset=ISO-8859-1", "application/json; charset=nonsense", "application/jsonx",
                "multipart/form-data; boundary=x", "not a media type", "application/json;;;=");
        for (Route route : SIGNED) {
            if (route.method() != HttpMethod.POST) {
                continue;
            }
            String body = route.body().isEmpty() ? "{}" : route.body();
            for (String type : types) {
                cases.add(HostileCase.bytes(route.name(), "as " + type, route.method(), route.path(), route.auth(), type,
                        body.getBytes(StandardCharsets.UTF_8)));
            }
            cases.add(HostileCase.bytes(route.name(), "JSON without a media type", route.method(), route.path(),
                    route.auth(), null, body.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(HostileCase.bytes("books-webhook", "with a malformed media type", HttpMethod.POST,
                "/webhooks/books/" + TestSecrets.ORG, BOOKS, "application/json; charset",
                "{}".getBytes(StandardCharsets.UTF_8)));
        cases.add(HostileCase.bytes("crm-webhook", "with a malformed media type", HttpMethod.POST, "/webhooks/crm",
                HostileCase.Auth.CRM_WEBHOOK, "=/=", "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
