package io.dealledger.ledger.projection;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

/**
 * An invoice's accepted facts as read from its store, each with the bytes it was stored as. Storing the list again
 * after a new fact ({@link #with}) writes the old facts' bytes as they were and encodes only the new fact: an invoice
 * with many payments no longer costs the encoding of all its facts on each one, and a fact stored under an older
 * schema keeps its bytes.
 */
final class StoredFacts extends AbstractList<SpecificRecord> {

    private final List<SpecificRecord> facts;
    /** The stored bytes of each fact, in the same order; null for a fact not stored yet. */
    private final List<byte[]> encoded;

    StoredFacts(List<SpecificRecord> facts, List<byte[]> encoded) {
        if (facts.size() != encoded.size()) {
            throw new IllegalArgumentException(facts.size() + " facts, " + encoded.size() + " encodings");
        }
        this.facts = Collections.unmodifiableList(facts);
        this.encoded = Collections.unmodifiableList(encoded);
    }

    /** These facts followed by {@code fact}, which has no stored bytes yet. */
    static StoredFacts with(List<SpecificRecord> stored, SpecificRecord fact) {
        List<SpecificRecord> facts = new ArrayList<>(stored.size() + 1);
        List<byte[]> encoded = new ArrayList<>(stored.size() + 1);
        for (int i = 0; i < stored.size(); i++) {
            facts.add(stored.get(i));
            encoded.add(stored instanceof StoredFacts known ? known.encoded.get(i) : null);
        }
        facts.add(fact);
        encoded.add(null);
        return new StoredFacts(facts, encoded);
    }

    /** The bytes fact {@code index} was stored as, or null when it was not stored yet. */
    byte[] encoded(int index) {
        return encoded.get(index);
    }

    @Override
    public SpecificRecord get(int index) {
        return facts.get(index);
    }

    @Override
    public int size() {
        return facts.size();
    }
}
