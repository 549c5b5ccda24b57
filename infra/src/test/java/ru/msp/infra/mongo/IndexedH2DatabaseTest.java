package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file mongo-java-server's own H2 backend wrote is read, kept unique and extended by ours: the unique indexes with
 * {@link IndexKeyType} keep the library's stored keys and order, and {@link BsonDocumentType} reads the library's
 * Java-serialised documents next to its own BSON ones. (The library cannot read documents ours wrote.)
 */
class IndexedH2DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void filesOfTheLibraryAndOursAreInterchangeable() {
        Path file = dir.resolve("mongo.mv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ids.add((i % 3 == 0 ? "tch-" : i % 3 == 1 ? "учитель-" : "t") + i * 7919 % 1000);
        }

        MongoServer library = new MongoServer(new H2Backend(file.toString()));
        InetSocketAddress address = library.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("externalKey"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                teachers.insertOne(teacher(ids.get(i), i));
            }
        } finally {
            library.shutdown();
        }

        try (LocalMongoServer ours = LocalMongoServer.start(0, file);
                MongoClient client = MongoClients.create(ours.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            for (int i = 0; i < 300; i++) {
                assertThat(teachers.find(Filters.eq("_id", ids.get(i))).first())
                        .as("written by the library: %s", ids.get(i))
                        .isNotNull();
            }
            assertThatThrownBy(() -> teachers.insertOne(teacher("new-id", 5)))
                    .as("the library's unique key is still unique")
                    .isInstanceOf(MongoWriteException.class);
            for (int i = 300; i < ids.size(); i++) {
                teachers.insertOne(teacher(ids.get(i), i));
            }
            assertThat(teachers.countDocuments()).isEqualTo(ids.size());
            for (int i = 0; i < 50; i++) { // library-written documents, rewritten as BSON
                teachers.updateOne(Filters.eq("_id", ids.get(i)), Updates.set("note", "changed " + i));
            }
        }

        try (LocalMongoServer again = LocalMongoServer.start(0, file);
                MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            for (int i = 0; i < ids.size(); i++) {
                Document found = teachers.find(Filters.eq("_id", ids.get(i))).first();
                assertThat(found)
                        .as("read back after a restart: %s", ids.get(i))
                        .isNotNull();
                assertThat(found.getString("externalKey")).startsWith("org-1/");
            }
            for (int i = 0; i < 50; i++) {
                assertThat(teachers.find(Filters.eq("_id", ids.get(i))).first().getString("note"))
                        .isEqualTo("changed " + i);
            }
            for (int i = 0; i < ids.size(); i++) {
                assertThat(teachers.find(Filters.eq("externalKey", "org-1/" + i))
                                .first())
                        .isNotNull();
            }
        }
    }

    private static MongoCollection<Document> teachers(MongoClient client) {
        return client.getDatabase("msp_teacher").getCollection("teachers");
    }

    private static Document teacher(String id, int row) {
        return new Document("_id", id).append("externalKey", "org-1/" + row);
    }
}
