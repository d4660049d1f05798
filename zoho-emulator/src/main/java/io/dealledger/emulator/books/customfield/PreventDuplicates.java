package io.dealledger.emulator.books.customfield;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dealledger.emulator.books.BooksCodes;
import io.dealledger.emulator.books.BooksException;
import io.dealledger.emulator.config.EmulatorProperties;

/**
 * The custom fields of each Books entity created with "Prevent Duplicate Values": the only ones Books lets a
 * client upsert by ({@code X-Unique-Identifier-Key}), and whose values it keeps unique. Configured per entity
 * ({@code invoice}, {@code contact}, {@code item}).
 */
@Component
public class PreventDuplicates {

    private final Map<String, List<String>> byEntity;

    public PreventDuplicates(EmulatorProperties properties) {
        this.byEntity = properties.books().preventDuplicateFields();
    }

    public List<String> of(String entity) {
        return byEntity.getOrDefault(entity, List.of());
    }

    /** Books refuses to upsert by a custom field that does not prevent duplicate values. */
    public void requireUpsertKey(String entity, UniqueKey key) {
        if (!of(entity).contains(key.apiName())) {
            throw BooksException.invalid(BooksCodes.INVALID_VALUE, "The custom field " + key.apiName()
                    + " given in X-Unique-Identifier-Key does not prevent duplicate values: only such a " + entity
                    + " field can identify a record.");
        }
    }
}
