package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void h2FileBackendKeepsDocumentsAcrossARestart() {
        Path file = dir.resolve("data").resolve("mongo.mv");
        int port;

        try (LocalMongoServer server = LocalMongoServer.start(0, file)) {
            port = server.port();
            assertThat(server.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> teachers =
                        client.getDatabase("msp_teacher").getCollection("teachers");
                teachers.insertOne(new Document("_id", "t-1").append("fullName", "Иванова Мария Петровна"));
                assertThat(teachers.countDocuments()).isEqualTo(1);
            }
        }
        assertThat(file).isRegularFile();

        // A new server on the same file (and port) sees the document.
        try (LocalMongoServer again = LocalMongoServer.start(port, file);
                MongoClient client = MongoClients.create(again.connectionString())) {
            Document found = client.getDatabase("msp_teacher")
                    .getCollection("teachers")
                    .find(Filters.eq("_id", "t-1"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getString("fullName")).isEqualTo("Иванова Мария Петровна");
        }
    }

    @Test
    void answersTheHelloCommandLikeIsMaster() {
        try (LocalMongoServer server = LocalMongoServer.start(0, null);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Document hello = client.getDatabase("msp_teacher").runCommand(new Document("hello", 1));
            assertThat(hello.get("ok")).isIn(1, 1.0);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("maxWireVersion")).isNotNull();
        }
    }

    @Test
    void withoutAFileTheDataLivesInMemory() {
        try (LocalMongoServer server = LocalMongoServer.start(0, null);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.file()).isNull();
            client.getDatabase("msp_test").getCollection("c").insertOne(new Document("x", 1));
            assertThat(client.getDatabase("msp_test").getCollection("c").countDocuments())
                    .isEqualTo(1);
        }
    }
}
