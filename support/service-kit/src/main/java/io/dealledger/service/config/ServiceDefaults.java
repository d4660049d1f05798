package io.dealledger.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings every dealledger service shares (idempotent producer with acks=all, the project's
 * serde, dead-letter-friendly deserialization, actuator exposure) with the lowest precedence, so a
 * service's application.yml or the environment can still override any of them.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "dealledger-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("dealledger-service-defaults",
                    new ClassPathResource(RESOURCE, ServiceDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
