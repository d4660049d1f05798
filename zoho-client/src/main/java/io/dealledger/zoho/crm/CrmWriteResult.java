package io.dealledger.zoho.crm;

/**
 * The outcome of one record of a CRM write: {@code SUCCESS}, or Zoho's code (INVALID_DATA,
 * MANDATORY_NOT_FOUND, ...) with its message and the field it named. A partial failure (HTTP 207) is a
 * list of these, not an exception.
 */
public record CrmWriteResult(String recordId, boolean success, String code, String message, String field) {
}
