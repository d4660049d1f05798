package io.dealledger.invoice.sku;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A SKU as matching should see it: "AB-100 ", "ab-100" and "AB100" are one product. Zoho Books treats
 * SKUs as exact strings, which is how sloppy SKUs silently create duplicate items (docs/architecture.md §1).
 */
public record Sku(String raw, String normalized) {

    public static Sku of(String raw) {
        if (raw == null || normalize(raw).isEmpty()) {
            throw new IllegalArgumentException("a SKU must have at least one letter or digit: '" + raw + "'");
        }
        return new Sku(raw, normalize(raw));
    }

    /** Trim, fold case and accents, drop spaces and punctuation (anything not a letter or digit). */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        StringBuilder normalized = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(Character::isLetterOrDigit)
                .forEach(c -> normalized.appendCodePoint(Character.toUpperCase(c)));
        return normalized.toString().toUpperCase(Locale.ROOT);
    }

    public boolean matches(String otherRaw) {
        return normalized.equals(normalize(otherRaw));
    }
}
