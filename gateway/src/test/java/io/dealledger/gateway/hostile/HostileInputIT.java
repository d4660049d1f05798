package io.dealledger.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.dealledger.gateway.support.GatewayIT;
import io.dealledger.schemas.topics.TopicSpec;
import io.dealledger.schemas.topics.Topics;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Table-driven: some fifteen hundred hostile requests on every public route — malformed bodies and numbers
 * whose exponent overflows an int ({@link HostileBodies}), bad ids, parameters, media types and signatures
 * ({@link HostileRequests}), and request lines and headers no client library would send ({@link RawRequests}).
 * Every one must be refused with a 4xx problem, none may get a 5xx, and nothing may be published: no event, and
 * not even a signature nonce, since a nonce is claimed only for a valid request. "Every public route" is checked
 * against the router: a route a controller maps that no case aims at fails the test.
 */
class HostileInputIT extends GatewayIT {

    private static final List<TopicSpec> WRITTEN_BY_THE_GATEWAY = Topics.all().stream()
            .filter(topic -> topic.writer() == io.dealledger.schemas.topics.Service.GATEWAY).toList();

    /** The gateway's controllers: every route they map must get hostile cases, a route added later included. */
    @Autowired
    private RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Test
    void everyHostileInputIsRefusedWithA4xxProblemAndNothingIsPublished() throws Exception {
        List<HostileCase> cases = new ArrayList<>(HostileBodies.all());
        cases.addAll(HostileRequests.all());
        List<MappedRoute> mapped = mappedRoutes();
        Set<String> withoutACase = new TreeSet<>(mapped.stream()
                .filter(route -> cases.stream().noneMatch(route::aimedAtBy)).map(MappedRoute::toString).toList());
        List<RawRequests.Raw> raws = new ArrayList<>(RawRequests.all());
        // WebClient refuses to write a Content-Type it cannot parse: those cases go out raw
        cases.stream().filter(hostile -> !sendable(hostile.contentType())).map(RawRequests::of).forEach(raws::add);
        cases.removeIf(hostile -> !sendable(hostile.contentType()));
        List<Integer> before = WRITTEN_BY_THE_GATEWAY.stream().map(topic -> probe(topic).records().size()).toList();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        Set<String> routes = new TreeSet<>();

        SoftAssertions softly = new SoftAssertions();
        for (HostileCase hostile : cases) {
            EntityExchangeResult<byte[]> result = send(hostile);
            int status = result.getStatus().value();
            byStatus.merge(status, 1, Integer::sum);
            routes.add(hostile.route());
            softly.assertThat(status).as("%s → %s", hostile.name(), text(result.getResponseBodyContent()))
                    .isBetween(400, 499);
            softly.assertThat(result.getResponseHeaders().getContentType()).as(hostile.name())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        for (RawRequests.Raw raw : raws) {
            RawRequests.Answer answer = RawRequests.send(port, raw);
            byStatus.merge(answer.status(), 1, Integer::sum);
            routes.add(raw.route());
            softly.assertThat(answer.status()).as("%s %s → %s", raw.route(), raw.name(), answer.text()).isBetween(400, 499);
            softly.assertThat(answer.contentType()).as("%s %s", raw.route(), raw.name())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
        List<Integer> after = WRITTEN_BY_THE_GATEWAY.stream().map(topic -> probe(topic).records().size()).toList();
        Map<String, Integer> published = new TreeMap<>();
        for (int i = 0; i < WRITTEN_BY_THE_GATEWAY.size(); i++) {
            published.put(WRITTEN_BY_THE_GATEWAY.get(i).name(), after.get(i) - before.get(i));
        }
        int requests = cases.size() + raws.size();
        long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("hostile input: %d requests (%d raw) on %d routes %s; by status %s; 5xx: %d;"
                + " published: %s; the router maps %d routes, without a case: %s%n", requests, raws.size(),
                routes.size(), routes, byStatus, fiveHundreds, published, mapped.size(), withoutACase);
        softly.assertAll();

        assertThat(mapped).hasSizeGreaterThanOrEqualTo(HostileRequests.SIGNED.size() + 2);
        assertThat(withoutACase).as("routes the gateway's controllers map that no hostile case aims at").isEmpty();

        assertThat(requests).isGreaterThanOrEqualTo(1400);
        assertThat(routes).containsAll(HostileRequests.SIGNED.stream().map(HostileRequests.Route::name).toList())
                .contains("books-webhook", "crm-webhook");
        assertThat(fiveHundreds).isZero();
        assertThat(after).isEqualTo(before);
    }

    private EntityExchangeResult<byte[]> send(HostileCase hostile) {
        // a URI, not a template: the path goes out exactly as written (and as signed), %-escapes and all
        return http.method(hostile.method()).uri(URI.create("http://localhost:" + port + hostile.path()))
                .headers(headers -> {
                    hostile.auth().headers(hostile).forEach(headers::set);
                    hostile.headers().forEach(headers::set);
                    if (hostile.contentType() != null) {
                        headers.set("Content-Type", hostile.contentType());
                    }
                })
                .bodyValue(hostile.body())
                .exchange().expectBody().returnResult();
    }

    /** A method and path pattern a controller maps, e.g. {@code GET /api/v1/deals/{dealId}/ledger}. */
    private record MappedRoute(String method, PathPattern pattern) {

        boolean aimedAtBy(HostileCase hostile) {
            return hostile.method().name().equals(method)
                    && pattern.matches(PathContainer.parsePath(hostile.path().split("\\?", 2)[0]));
        }

        @Override
        public String toString() {
            return method + " " + pattern.getPatternString();
        }
    }

    private List<MappedRoute> mappedRoutes() {
        List<MappedRoute> mapped = new ArrayList<>();
        requestMappingHandlerMapping.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition()
                .getPatterns().forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(new MappedRoute(method.name(), pattern)))));
        return mapped;
    }

    /** Whether WebClient sends this Content-Type at all (it refuses to write one it cannot parse). */
    private static boolean sendable(String contentType) {
        try {
            if (contentType != null) {
                MediaType.parseMediaType(contentType).getCharset();
            }
            return true;
        } catch (IllegalArgumentException unparsable) {
            return false;
        }
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
