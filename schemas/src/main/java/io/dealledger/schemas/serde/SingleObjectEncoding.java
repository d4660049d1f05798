package io.dealledger.schemas.serde;

/** Avro single-object encoding: {@code C3 01}, the writer schema's CRC-64-AVRO fingerprint (little-endian), the body. */
final class SingleObjectEncoding {

    static final byte MAGIC_0 = (byte) 0xC3;
    static final byte MAGIC_1 = (byte) 0x01;
    static final int HEADER_LENGTH = 10;

    private SingleObjectEncoding() {
    }

    static boolean hasHeader(byte[] data) {
        return data.length >= HEADER_LENGTH && data[0] == MAGIC_0 && data[1] == MAGIC_1;
    }

    static long fingerprint(byte[] data) {
        long fingerprint = 0;
        for (int i = 9; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (data[i] & 0xFFL);
        }
        return fingerprint;
    }

    static void writeHeader(long fingerprint, byte[] into) {
        into[0] = MAGIC_0;
        into[1] = MAGIC_1;
        for (int i = 0; i < 8; i++) {
            into[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
    }
}
