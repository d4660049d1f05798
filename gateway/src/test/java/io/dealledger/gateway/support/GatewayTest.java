package io.dealledger.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.dealledger.gateway.GatewayApplication;
import io.dealledger.testkit.kafka.UsesKafka;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context every gateway integration test shares (same annotation, same properties, so the
 * context is cached and started once), against the JVM's shared embedded Kafka broker. Tests keep apart
 * by unique deal, invoice and payment ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@UsesKafka
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "management.server.port=0",
                "dealledger.gateway.auth.crm.secrets=" + TestSecrets.CRM + "," + TestSecrets.CRM_PREVIOUS,
                "dealledger.gateway.auth.operator.secrets=" + TestSecrets.OPERATOR + "," + TestSecrets.OPERATOR_PREVIOUS,
                "dealledger.gateway.auth.books.organizations." + TestSecrets.ORG + "=" + TestSecrets.BOOKS
                        + "," + TestSecrets.BOOKS_PREVIOUS,
                "dealledger.gateway.auth.books.organizations." + TestSecrets.OTHER_ORG + "=" + TestSecrets.OTHER_BOOKS,
                "dealledger.gateway.auth.crm-webhook.secrets=" + TestSecrets.CRM_WEBHOOK,
                "dealledger.gateway.auth.crm-notifications.tokens=" + TestSecrets.NOTIFICATION_TOKEN,
                "dealledger.gateway.auth.crm-notifications.channel-ids=" + TestSecrets.CHANNEL_ID,
                "dealledger.gateway.default-organization-id=" + TestSecrets.ORG,
                "dealledger.gateway.max-body-size=16KB",
                "logging.level.io.dealledger.gateway.publish=WARN"})
public @interface GatewayTest {
}
