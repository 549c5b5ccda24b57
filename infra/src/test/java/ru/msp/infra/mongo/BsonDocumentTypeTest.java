package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents written as BSON come back equal, and values H2's Java serialisation wrote are still read. */
class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void aDocumentOfEveryKindOfValueComesBackEqual() {
        Document document = sample(1);

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        Document read = type.read(written);
        assertThat(read).isEqualTo(document);
        assertThat(read.get("at")).isInstanceOf(Instant.class);
        assertThat(read.get("count")).isInstanceOf(Long.class);
        assertThat(read.get("score")).isInstanceOf(Integer.class);
        assertThat(written.remaining()).as("exactly its own bytes read").isZero();
    }

    @Test
    void bsonAndJavaSerialisedValuesOnOnePageAreReadInTurn() {
        ObjectDataType library = new ObjectDataType();
        List<Document> documents = new ArrayList<>();
        WriteBuffer buffer = new WriteBuffer();
        for (int i = 0; i < 20; i++) {
            Document document = sample(i);
            documents.add(document);
            if (i % 3 == 0) {
                library.write(buffer, document); // what the library's H2 backend wrote before
            } else {
                type.write(buffer, document);
            }
        }
        ByteBuffer page = buffer.getBuffer().flip();

        List<Document> read = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            read.add(type.read(page));
        }

        assertThat(read).isEqualTo(documents);
        assertThat(page.remaining()).isZero();
    }

    @Test
    void aValueBsonCannotHoldIsStoredTheLibrarysWay() {
        Document document = sample(3).append("legacyDate", new java.util.Date(1_700_000_000_000L));

        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(written)).isEqualTo(document);
    }

    @Test
    void theMemoryEstimateFollowsTheDocumentsSeen() {
        Document big = sample(1).append("text", "x".repeat(20_000));
        for (int i = 0; i < 200; i++) {
            type.write(new WriteBuffer(), big);
        }
        assertThat(type.getMemory(sample(1))).isGreaterThan(20_000 * BsonDocumentType.HEAP_PER_BSON_BYTE * 9 / 10);

        WriteBuffer small = new WriteBuffer();
        for (int i = 0; i < 200; i++) {
            type.write(small, sample(i));
        }
        ByteBuffer page = small.getBuffer().flip();
        BsonDocumentType reopened = new BsonDocumentType();
        for (int i = 0; i < 200; i++) {
            reopened.read(page);
        }
        assertThat(reopened.getMemory(sample(1)))
                .as("learnt from reads too")
                .isLessThan(1_000 * BsonDocumentType.HEAP_PER_BSON_BYTE);
    }

    @Test
    void aBsonValueIsSmallerThanItsJavaSerialisation() {
        WriteBuffer bson = new WriteBuffer();
        type.write(bson, sample(7));
        WriteBuffer serialised = new WriteBuffer();
        new ObjectDataType().write(serialised, sample(7));

        assertThat(bson.position()).isLessThan(serialised.position() / 2);
    }

    private static Document sample(int i) {
        return new Document("_id", "res-" + i)
                .append("teacherId", "tch-" + i)
                .append("name", "Иванова Мария " + i)
                .append("score", i)
                .append("count", 10_000_000_000L + i)
                .append("share", i / 3.0)
                .append("active", i % 2 == 0)
                .append("none", null)
                .append("at", Instant.parse("2026-12-07T01:02:03.456Z").plusSeconds(i))
                .append("objectId", new ObjectId())
                .append("amount", new Decimal128(new BigDecimal("12.50")))
                .append("uuid", UUID.nameUUIDFromBytes(("u" + i).getBytes()))
                .append("bytes", new BinData(new byte[] {1, 2, (byte) i}))
                .append("tags", List.of("MATHEMATICS", "PHYSICS"))
                .append(
                        "competencies",
                        List.of(
                                new Document("code", "ASSESSMENT").append("level", "LOW"),
                                new Document("code", "DIGITAL").append("level", "HIGH")))
                .append(
                        "outbox",
                        List.of(new Document("event", "{\"id\":\"e-" + i + "\"}")
                                .append("nested", new Document("deep", List.of(1, 2L, 3.5)))));
    }
}
