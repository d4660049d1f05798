package io.dealledger.service.config;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches a service that consumes at least one topic ({@code dealledger.service.consumes}). */
public class ConsumesTopics extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        List<String> consumes = Binder.get(context.getEnvironment())
                .bind("dealledger.service.consumes", Bindable.listOf(String.class)).orElse(List.of());
        return consumes.stream().anyMatch(topic -> !topic.isBlank())
                ? ConditionOutcome.match("consumes " + consumes)
                : ConditionOutcome.noMatch("dealledger.service.consumes is empty");
    }
}
