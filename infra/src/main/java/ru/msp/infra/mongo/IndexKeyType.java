package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
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
 *
 * <p>Keys of those shapes are also stored in a form of their own ({@link #write}) instead of Java serialisation, whose
 * class descriptors and reflection made every index page written or read from the file (a cache miss) expensive: ~9%
 * of the store's CPU in a profile of a 4,000-result run. The form starts with a tag byte no {@link ObjectDataType} tag
 * uses, so keys written before are read the original way; the order of the keys in the tree is the comparison's, not
 * the bytes', so the two forms can share a file.
 */
final class IndexKeyType extends ObjectDataType {

    /** Negative as a byte: never the first byte of a value {@link ObjectDataType} wrote (its tags are 0 to 127). */
    static final byte KEY = (byte) 0xB6;

    private static final byte ONLY_STRING = 1;
    private static final byte STRING_AND_LONG = 2;
    private static final byte STRING_AND_DOUBLE = 3;

    @Override
    public void write(WriteBuffer buffer, Object key) {
        byte shape = shapeOf(key);
        if (shape == 0) {
            super.write(buffer, key);
            return;
        }
        KeyValue value = (KeyValue) key;
        String first = (String) value.get(0);
        buffer.put(KEY).put(shape).putVarInt(first.length()).putStringData(first, first.length());
        if (shape == STRING_AND_LONG) {
            buffer.putLong((Long) value.get(1));
        } else if (shape == STRING_AND_DOUBLE) {
            buffer.putDouble((Double) value.get(1));
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY) {
            return super.read(buffer);
        }
        buffer.get();
        byte shape = buffer.get();
        String first = DataUtils.readString(buffer);
        return switch (shape) {
            case ONLY_STRING -> new KeyValue(first);
            case STRING_AND_LONG -> new KeyValue(first, buffer.getLong());
            case STRING_AND_DOUBLE -> new KeyValue(first, buffer.getDouble());
            default -> throw new IllegalStateException("unknown index key shape " + shape);
        };
    }

    /**
     * About the heap a key of those shapes takes (the key, its list, the string and its bytes, a boxed number): H2
     * sizes its page cache by it. The original estimate is a running average of serialised sizes, which keys written
     * here never update (it starts at 10,000 bytes).
     */
    @Override
    public int getMemory(Object key) {
        byte shape = shapeOf(key);
        if (shape == 0) {
            return super.getMemory(key);
        }
        return 120 + ((String) ((KeyValue) key).get(0)).length() * 2 + (shape == ONLY_STRING ? 0 : 16);
    }

    /** The stored form's shape of a key, or 0 for a key stored the original way. */
    private static byte shapeOf(Object key) {
        if (!(key instanceof KeyValue value) || !(value.get(0) instanceof String)) {
            return 0;
        }
        if (value.size() == 1) {
            return ONLY_STRING;
        }
        if (value.size() == 2) {
            Object second = value.get(1);
            if (second != null && second.getClass() == Long.class) {
                return STRING_AND_LONG;
            }
            if (second != null && second.getClass() == Double.class) {
                return STRING_AND_DOUBLE;
            }
        }
        return 0;
    }

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
