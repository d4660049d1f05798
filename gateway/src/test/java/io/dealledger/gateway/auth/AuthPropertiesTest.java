package io.dealledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Start-up refuses a gateway whose secrets are missing, and says which variable to set. */
class AuthPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(AuthProperties.class)
    static class Bind {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bind.class);

    private static final String OPERATOR = "dealledger.gateway.auth.operator.secrets=operator-secret-01";
    private static final String[] COMPLETE = {
            "dealledger.gateway.auth.crm.secrets=crm-secret-0001",
            "dealledger.gateway.auth.books.organizations.10234695=books-secret-01",
            "dealledger.gateway.auth.crm-webhook.secrets=crm-webhook-001",
            OPERATOR};

    @Test
    void aCompleteConfigurationStarts() {
        runner.withPropertyValues(COMPLETE).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMissingCrmSigningSecretFailsStartUpNamingTheVariable() {
        runner.withPropertyValues(COMPLETE[1], COMPLETE[2], OPERATOR, "dealledger.gateway.auth.crm.secrets=,")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("DEALLEDGER_CRM_SIGNING_SECRET"));
    }

    @Test
    void aMissingOperatorSecretFailsStartUpNamingTheVariable() {
        runner.withPropertyValues(COMPLETE[0], COMPLETE[1], COMPLETE[2])
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("DEALLEDGER_OPERATOR_SIGNING_SECRET"));
    }

    @Test
    void theOperatorSecretMustNotBeACrmSecret() {
        runner.withPropertyValues(COMPLETE[0], COMPLETE[1], COMPLETE[2],
                        "dealledger.gateway.auth.operator.secrets=crm-secret-0001")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must differ"));
    }

    @Test
    void v1SignaturesAreRefusedUnlessTheMigrationFlagIsOn() {
        runner.withPropertyValues(COMPLETE).run(context ->
                assertThat(context.getBean(AuthProperties.class).crm().acceptV1()).isFalse());
        runner.withPropertyValues(COMPLETE).withPropertyValues("dealledger.gateway.auth.crm.accept-v1=true")
                .run(context -> assertThat(context.getBean(AuthProperties.class).crm().acceptV1()).isTrue());
    }

    @Test
    void noBooksOrganizationFailsStartUpNamingTheVariable() {
        runner.withPropertyValues(COMPLETE[0], COMPLETE[2], OPERATOR)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("DEALLEDGER_BOOKS_WEBHOOK_SECRETS"));
    }

    @Test
    void noWayToAuthenticateDealChangesFailsStartUp() {
        runner.withPropertyValues(COMPLETE[0], COMPLETE[1], OPERATOR)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("DEALLEDGER_CRM_WEBHOOK_SECRET")
                        .hasMessageContaining("DEALLEDGER_CRM_NOTIFICATION_TOKEN"));
    }

    @Test
    void aShortSecretOrThreeSecretsAreRefused() {
        runner.withPropertyValues(COMPLETE[1], COMPLETE[2], OPERATOR, "dealledger.gateway.auth.crm.secrets=short")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("at least 12 characters"));
        runner.withPropertyValues(COMPLETE[1], COMPLETE[2], OPERATOR,
                        "dealledger.gateway.auth.crm.secrets=aaaaaaaaaaaa1,aaaaaaaaaaaa2,aaaaaaaaaaaa3")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("at most two"));
    }

    @Test
    void booksSecretsOfSeveralOrganizationsComeFromOneCommaSeparatedVariable() {
        StandardEnvironment environment = new StandardEnvironment();
        // application.yml maps DEALLEDGER_BOOKS_WEBHOOK_SECRETS to this property
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "DEALLEDGER_GATEWAY_AUTH_BOOKS_WEBHOOKSECRETS", "10234695=books-secret-current,"
                        + "10234695=books-secret-previous, 20000002=books-secret-other")));
        environment.getPropertySources().addLast(new MapPropertySource("rest", Map.of(
                "dealledger.gateway.auth.crm.secrets", "crm-secret-0001",
                "dealledger.gateway.auth.operator.secrets", "operator-secret-01",
                "dealledger.gateway.auth.crm-webhook.secrets", "crm-webhook-001")));

        AuthProperties auth = new Binder(ConfigurationPropertySources.get(environment))
                .bind("dealledger.gateway.auth", AuthProperties.class).get();

        assertThat(auth.books().organizations()).containsOnlyKeys("10234695", "20000002");
        assertThat(auth.books().organizations().get("10234695")).containsExactly("books-secret-current",
                "books-secret-previous");
    }
}
