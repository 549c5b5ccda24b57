package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the H2 backend's unique indexes, ordering keys exactly as before but without the cost.
 *
 * <p>mongo-java-server keys an index by {@link KeyValue}, which H2's {@link ObjectDataType} does not know: it compares
 * two of them by Java-serialising both and comparing the bytes, on every step of every B-tree search. That made an
 * {@code _id} look-up cost a few dozen serialisations. The stored bytes and therefore the order on disk must not
 * change (existing files keep working), so this type writes and reads keys like {@link ObjectDataType} and only
 * compares the common shapes directly, in the order their serialised forms have: one string ({@code _id},
 * {@code externalKey}), or a string and a long or a double ({@code {_id, seq}}-style guards). Anything else is compared the
 * original way. {@code IndexKeyTypeTest} checks the shortcut against the original comparison.
 */
final class IndexKeyType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            Integer direct = directly(left, right);
            if (direct != null) {
                return direct;
            }
        }
        return super.compare(a, b);
    }

    /**
     * The order of the two keys' serialised forms, or null when they do not have a shape compared here. A serialised
     * {@code KeyValue} is a fixed prefix, the list size, then the elements: a string as {@code TC_STRING} and its
     * modified UTF-8 with a two-byte length (what {@link DataOutputStream#writeUTF} writes), a {@code Long} or {@code Double} as
     * its class description (the same for both) and eight big-endian bytes; bytes compare unsigned.
     */
    static Integer directly(KeyValue left, KeyValue right) {
        int size = left.size();
        if (size != right.size() || size > 2) {
            return null;
        }
        if (!(left.get(0) instanceof String a) || !(right.get(0) instanceof String b)) {
            return null;
        }
        if (size == 2
                && !(left.get(1) instanceof Long && right.get(1) instanceof Long)
                && !(left.get(1) instanceof Double && right.get(1) instanceof Double)) {
            return null;
        }
        if (!a.equals(b)) {
            long lengthA = utfLength(a);
            long lengthB = utfLength(b);
            if (lengthA <= 65535 && lengthB <= 65535) {
                if (lengthA != lengthB) {
                    return lengthA < lengthB ? -1 : 1; // the two-byte length comes first
                }
                if (a.indexOf('\u0000') < 0 && b.indexOf('\u0000') < 0) {
                    // modified UTF-8 encodes each char on its own, in char order, except NUL (two bytes)
                    return Integer.signum(a.compareTo(b));
                }
            }
            byte[] x = utf(a);
            byte[] y = utf(b);
            if (x == null || y == null) {
                return null;
            }
            return ObjectDataType.compareNotNull(x, y);
        }
        if (size == 1) {
            return 0;
        }
        if (left.get(1) instanceof Double x) {
            // serialised as the eight bytes of doubleToLongBits
            return Integer.signum(
                    Long.compareUnsigned(Double.doubleToLongBits(x), Double.doubleToLongBits((Double) right.get(1))));
        }
        return Integer.signum(Long.compareUnsigned((Long) left.get(1), (Long) right.get(1)));
    }

    /** Length and modified UTF-8 as serialisation writes a short string; null for one too long for that form. */
    private static byte[] utf(String value) {
        if (value.length() > 65535 / 3 && utfLength(value) > 65535) {
            return null; // written as TC_LONGSTRING with an eight-byte length
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length() + 2);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static long utfLength(String value) {
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            length += c >= 0x0001 && c <= 0x007F ? 1 : c > 0x07FF ? 3 : 2;
        }
        return length;
    }
}
