package ru.msp.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of a collection's documents in the H2 file: BSON, as the documents arrived over the wire.
 *
 * <p>The library stores a {@link Document} with H2's {@link ObjectDataType}, which Java-serialises it: class
 * descriptors, a handle table and reflection for every document on every page written, and the reverse for every page
 * read on a cache miss. That was the largest single cost of the store under load (a third of its CPU during a results
 * import). BSON is what the server already encodes and decodes for every request. A value written here starts with a
 * marker byte no {@link ObjectDataType} tag uses (its tags are 0 to 127), so documents an older version wrote are still
 * read, the old way; they are rewritten as BSON when next changed. Files written since cannot be read by the library's
 * own H2 backend.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Negative as a byte: never the first byte of a value {@link ObjectDataType} wrote. */
    static final byte BSON = (byte) 0xB5;

    /**
     * A decoded document takes about five times its BSON size on the heap (measured on a diagnostic result: 944 bytes
     * of BSON, 5.3 KB of maps, entries and strings). H2 sizes its page cache and splits pages by these estimates, so
     * {@code --cache-mb} is close to the heap the cached documents really take.
     */
    static final int HEAP_PER_BSON_BYTE = 5;

    private final ObjectDataType legacy = new ObjectDataType();
    /** Running average over the documents written and read, as H2 keeps one for the values it serialises. */
    private volatile int averageMemory = 4096;

    @Override
    public int getMemory(Document document) {
        return averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageMemory / HEAP_PER_BSON_BYTE + 64);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            // a value BSON has no type for (none arrives over the wire): stored the library's way, read back as such
            bson.release();
            legacy.write(buffer, document);
            return;
        }
        try {
            int size = bson.readableBytes();
            buffer.put(BSON);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            account(size);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        account(bson.readerIndex());
        return document;
    }

    /** The size of a document's BSON. */
    static int sizeOf(Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson.readableBytes();
        } finally {
            bson.release();
        }
    }

    private void account(int bsonSize) {
        averageMemory = (int) ((averageMemory * 15L + (long) HEAP_PER_BSON_BYTE * bsonSize) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
