package io.dealledger.service.failures;

import java.util.List;
import java.util.Optional;

import io.dealledger.schemas.failures.FailureCategory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Names the {@link FailureCategory} of a failure a service could not get past. Services add beans of
 * their own; the first that answers wins, after an exception that carries its category itself.
 */
@FunctionalInterface
public interface FailureClassifier {

    Optional<FailureCategory> classify(Throwable failure);

    /** The category of {@code failure}: carried, else from the classifiers, else unreadable or internal. */
    static FailureCategory categorize(Throwable failure, List<FailureClassifier> classifiers) {
        FailureCategory carried = FailureCategory.carriedBy(failure, null);
        if (carried != null) {
            return carried;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeserializationException || t instanceof SerializationException) {
                return FailureCategory.UNREADABLE_EVENT;
            }
            for (FailureClassifier classifier : classifiers) {
                Optional<FailureCategory> category = classifier.classify(t);
                if (category.isPresent()) {
                    return category.get();
                }
            }
        }
        return FailureCategory.INTERNAL;
    }
}
