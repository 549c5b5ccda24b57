package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The shortcut order of index keys is exactly the order H2 gives them by comparing their serialised bytes. */
class IndexKeyTypeTest {

    private final ObjectDataType original = new ObjectDataType();
    private final IndexKeyType shortcut = new IndexKeyType();
    private final Random random = new Random(20261123);

    @Test
    void singleStringKeysOrderAsTheirSerialisedForms() {
        List<KeyValue> keys = new ArrayList<>();
        for (String s : List.of(
                "",
                "a",
                "b",
                "ab",
                "ba",
                "tch-1",
                "tch-10",
                "tch-2",
                "Иванов",
                "ёлка",
                "елка",
                "\u0000",
                "a\u0000b",
                "\u007f",
                "\u0080",
                "\u07ff",
                "\u0800",
                "\uffff",
                "😀",
                "𝄞x",
                "org-1/ext-9",
                "x".repeat(300))) {
            keys.add(new KeyValue(s));
        }
        for (int i = 0; i < 400; i++) {
            keys.add(new KeyValue(randomString()));
        }
        assertSameOrder(keys);
    }

    @Test
    void stringAndLongKeysOrderAsTheirSerialisedForms() {
        List<KeyValue> keys = new ArrayList<>();
        long[] numbers = {0, 1, 2, 255, 256, -1, -2, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 7};
        for (String s : List.of("cnt-a", "cnt-b", "cnt-aa", "счётчик")) {
            for (long n : numbers) {
                keys.add(new KeyValue(s, n));
            }
        }
        for (int i = 0; i < 150; i++) {
            keys.add(new KeyValue(randomString(), random.nextLong()));
        }
        assertSameOrder(keys);
    }

    @Test
    void stringAndDoubleKeysOrderAsTheirSerialisedForms() {
        List<KeyValue> keys = new ArrayList<>();
        double[] numbers = {
            0.0,
            -0.0,
            1.0,
            2.0,
            1.5,
            -1.0,
            -2.5,
            1e300,
            -1e300,
            Double.MIN_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            3.0
        };
        for (String s : List.of("cnt-a", "cnt-b", "счётчик")) {
            for (double n : numbers) {
                keys.add(new KeyValue(s, n));
            }
        }
        for (int i = 0; i < 150; i++) {
            keys.add(new KeyValue(randomString(), random.nextGaussian() * 1e6));
        }
        assertSameOrder(keys);
        assertThat(IndexKeyType.directly(new KeyValue("a", 1.0), new KeyValue("a", 2.0)))
                .isNotNull();
        assertThat(IndexKeyType.directly(new KeyValue("a", 1.0), new KeyValue("a", 2L)))
                .as("a double and a long: left to the original comparison")
                .isNull();
    }

    @Test
    void otherShapesAreLeftToTheOriginalComparison() {
        assertThat(IndexKeyType.directly(new KeyValue(1), new KeyValue(2))).isNull();
        assertThat(IndexKeyType.directly(new KeyValue("a", "b"), new KeyValue("a", "c")))
                .isNull();
        assertThat(IndexKeyType.directly(new KeyValue("a", 1), new KeyValue("a", 2)))
                .as("Integer, not Long")
                .isNull();
        assertThat(IndexKeyType.directly(new KeyValue("a"), new KeyValue("a", 1L)))
                .isNull();
        List<KeyValue> mixed = List.of(
                new KeyValue(1),
                new KeyValue("a"),
                new KeyValue(2L),
                new KeyValue("a", "b"),
                new KeyValue("a", 1L),
                new KeyValue(1.5),
                new KeyValue("b"));
        assertSameOrder(mixed);
    }

    @Test
    void keysOfTheCommonShapesAreStoredInTheirOwnFormAndReadBack() {
        List<KeyValue> keys = List.of(
                new KeyValue("tch-1"),
                new KeyValue(""),
                new KeyValue("Иванов 😀 \u0000 x"),
                new KeyValue("x".repeat(70_000)),
                new KeyValue("cnt-a", 42L),
                new KeyValue("cnt-a", Long.MIN_VALUE),
                new KeyValue("счётчик", 3.0),
                new KeyValue("cnt-b", Double.NaN));
        for (KeyValue key : keys) {
            ByteBuffer stored = written(shortcut, key);
            assertThat(stored.get(0)).as("own form: %s", key).isEqualTo(IndexKeyType.KEY);
            Object read = shortcut.read(stored);
            assertThat(read).isEqualTo(key);
            assertThat(((KeyValue) read).get(key.size() - 1).getClass())
                    .isEqualTo(key.get(key.size() - 1).getClass());
            assertThat(stored.hasRemaining()).as("read to its end").isFalse();
            assertThat(shortcut.getMemory(key)).isBetween(100, 200_000);
        }
    }

    @Test
    void keysWrittenTheOriginalWayAndOtherShapesAreReadTheOriginalWay() {
        List<KeyValue> keys = List.of(
                new KeyValue("tch-1"),
                new KeyValue("cnt-a", 1.0),
                new KeyValue(1.5),
                new KeyValue("a", "b"),
                new KeyValue("a", 1),
                new KeyValue(null, "x"));
        for (KeyValue key : keys) {
            assertThat(shortcut.read(written(original, key)))
                    .as("a file written before")
                    .isEqualTo(key);
        }
        for (KeyValue key : keys.subList(2, keys.size())) {
            ByteBuffer stored = written(shortcut, key);
            assertThat(stored.get(0)).as("serialised: %s", key).isNotEqualTo(IndexKeyType.KEY);
            assertThat(shortcut.read(stored)).isEqualTo(key);
        }
    }

    private static ByteBuffer written(ObjectDataType type, Object key) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, key);
        return buffer.getBuffer().flip();
    }

    private void assertSameOrder(List<KeyValue> keys) {
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(shortcut.compare(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(original.compare(a, b)));
            }
        }
    }

    private String randomString() {
        int length = random.nextInt(12);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(5);
            s.append(
                    switch (kind) {
                        case 0 -> (char) ('a' + random.nextInt(26));
                        case 1 -> (char) ('А' + random.nextInt(64));
                        case 2 -> (char) random.nextInt(0x80);
                        case 3 -> (char) (0x80 + random.nextInt(0x780));
                        default -> (char) random.nextInt(0x10000);
                    });
        }
        return s.toString();
    }
}
