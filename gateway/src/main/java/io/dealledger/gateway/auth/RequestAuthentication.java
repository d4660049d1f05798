package io.dealledger.gateway.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.dealledger.gateway.problem.Refusal;

import org.springframework.stereotype.Component;

/**
 * Authentication of webhooks per source (docs/architecture.md §5), configured once from {@link AuthProperties}: each
 * method returns normally for an authentic request and throws a 401 {@link Refusal} otherwise. Every comparison
 * of a secret or signature is constant-time. Signed CRM and operator calls are {@link SignedCalls}'.
 */
@Component
public class RequestAuthentication {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final AuthProperties.Books books;
    private final Map<String, SharedSecrets> booksSecrets;
    private final AuthProperties.CrmWebhook crmWebhook;
    private final SharedSecrets crmWebhookSecrets;
    private final SharedSecrets notificationTokens;
    private final Set<String> channelIds;

    public RequestAuthentication(AuthProperties auth) {
        this.books = auth.books();
        this.booksSecrets = auth.books().organizations().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new SharedSecrets(e.getValue())));
        this.crmWebhook = auth.crmWebhook();
        this.crmWebhookSecrets = auth.crmWebhook().secrets().isEmpty() ? null
                : new SharedSecrets(auth.crmWebhook().secrets());
        this.notificationTokens = auth.crmNotifications().tokens().isEmpty() ? null
                : new SharedSecrets(auth.crmNotifications().tokens());
        this.channelIds = Set.copyOf(auth.crmNotifications().channelIds());
    }

    public String booksSecretHeader() {
        return books.header();
    }

    public String booksSignatureHeader() {
        return books.bodySignature().header();
    }

    /** A Books webhook for {@code organizationId}: its secret header and, where required, an HMAC of the body. */
    public void booksWebhook(String organizationId, String presentedSecret, String presentedSignature, byte[] body) {
        SharedSecrets secrets = booksSecrets.get(organizationId);
        // an unknown organization gets the same answer as a wrong secret: nothing tells which orgs exist
        if (secrets == null || !secrets.matches(presentedSecret)) {
            throw Refusal.unauthorized(books.header(), presentedSecret == null ? "is missing"
                    : "does not match the webhook secret of organization " + organizationId);
        }
        if (books.bodySignature().required()) {
            verifyBodySignature(organizationId, presentedSignature, body);
        }
    }

    private void verifyBodySignature(String organizationId, String presented, byte[] body) {
        String header = books.bodySignature().header();
        if (presented == null || !HEX_SHA256.matcher(presented.trim()).matches()) {
            throw Refusal.unauthorized(header, "must be the hex HMAC-SHA256 of the body");
        }
        byte[] signature = HexFormat.of().parseHex(presented.trim().toLowerCase());
        boolean match = false;
        for (String secret : books.organizations().get(organizationId)) {
            match |= MessageDigest.isEqual(Hmac.sha256(secret, body), signature);
        }
        if (!match) {
            throw Refusal.unauthorized(header, "does not match the body");
        }
    }

    public String crmWebhookHeader() {
        return crmWebhook.header();
    }

    /** The CRM workflow webhook: its shared-secret header. */
    public void crmWorkflowWebhook(String presentedSecret) {
        if (crmWebhookSecrets == null || !crmWebhookSecrets.matches(presentedSecret)) {
            throw Refusal.unauthorized(crmWebhook.header(), crmWebhookSecrets == null
                    ? "CRM workflow webhooks are not enabled on this gateway" : "does not match the webhook secret");
        }
    }

    /** A CRM notification callback: the token it echoes and a channel dealledger subscribed. */
    public void crmNotification(String token, String channelId) {
        if (notificationTokens == null || !notificationTokens.matches(token)) {
            throw Refusal.unauthorized("token", notificationTokens == null
                    ? "CRM notifications are not enabled on this gateway" : "does not match the notification token");
        }
        if (channelId == null || !channelIds.contains(channelId)) {
            throw Refusal.unauthorized("channel_id", "is not a channel dealledger subscribed");
        }
    }
}
