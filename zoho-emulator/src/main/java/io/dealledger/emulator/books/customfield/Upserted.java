package io.dealledger.emulator.books.customfield;

/** The outcome of a {@code PUT /{module}} by unique custom field: the record and whether it was created. */
public record Upserted<T>(T record, boolean created) {
}
