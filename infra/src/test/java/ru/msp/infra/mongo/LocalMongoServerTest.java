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
    void listingDatabasesReusesTheOpenDatabasesInsteadOfReopeningEveryOne() {
        Path file = dir.resolve("list").resolve("mongo.mv");
        try (LocalMongoServer server = LocalMongoServer.start(0, file);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers =
                    client.getDatabase("msp_teacher").getCollection("teachers");
            teachers.createIndex(new Document("organizationId", 1));
            teachers.insertOne(new Document("_id", "t-1").append("organizationId", "org-1"));
            client.getDatabase("msp_route").getCollection("routes").insertOne(new Document("_id", "r-1"));
            long opened = server.databasesOpened();

            // Spring Boot's health indicator lists the databases on every health check
            for (int check = 0; check < 5; check++) {
                assertThat(client.listDatabaseNames().into(new java.util.ArrayList<>()))
                        .contains("msp_teacher", "msp_route");
            }
            Document listed = client.getDatabase("admin").runCommand(new Document("listDatabases", 1));

            assertThat(server.databasesOpened()).isEqualTo(opened);
            assertThat(listed.getList("databases", Document.class))
                    .filteredOn(database -> database.getString("name").startsWith("msp_"))
                    .extracting(database -> database.getString("name"), database -> database.getBoolean("empty"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("msp_route", false),
                            org.assertj.core.groups.Tuple.tuple("msp_teacher", false));
            assertThat(teachers.find(Filters.eq("organizationId", "org-1")).first())
                    .isNotNull();
        }
    }

    @Test
    void theInMemoryStoreListsItsDatabasesWithTheirDocuments() {
        try (LocalMongoServer server = LocalMongoServer.start(0, null);
                MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("msp_events").getCollection("activities").insertOne(new Document("_id", "a-1"));
            long opened = server.databasesOpened();

            Document listed = client.getDatabase("admin").runCommand(new Document("listDatabases", 1));

            assertThat(listed.getList("databases", Document.class))
                    .filteredOn(database -> database.getString("name").equals("msp_events"))
                    .singleElement()
                    .satisfies(
                            database -> assertThat(database.getBoolean("empty")).isFalse());
            assertThat(server.databasesOpened()).isEqualTo(opened);
        }
    }

    @Test
    void collectionStatisticsGiveTheSizeOfTheDocumentsThere() {
        Path file = dir.resolve("stats").resolve("mongo.mv");
        try (LocalMongoServer server = LocalMongoServer.start(0, file);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> routes = client.getDatabase("msp_route").getCollection("routes");
            for (int i = 0; i < 20; i++) {
                routes.insertOne(new Document("_id", "r-" + i).append("steps", "шаг ".repeat(i)));
            }
            routes.updateOne(Filters.eq("_id", "r-3"), new Document("$set", new Document("note", "x".repeat(500))));
            routes.deleteOne(Filters.eq("_id", "r-7"));

            long expected = 0;
            for (Document route : routes.find()) {
                expected += new org.bson.RawBsonDocument(route, new org.bson.codecs.DocumentCodec())
                        .getByteBuffer()
                        .remaining();
            }
            Document stats = client.getDatabase("msp_route").runCommand(new Document("collStats", "routes"));

            assertThat(stats.get("count")).isEqualTo(19);
            assertThat(((Number) stats.get("size")).longValue()).isEqualTo(expected);
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
