package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Non-unique indexes and the query planner on both backends: queries with more fields than an index use it, the
 * answers are exactly a scan's, and the index follows inserts, updates and deletes and is rebuilt on a restart.
 */
class SecondaryIndexTest {

    private static final String DATABASE = "msp_test";

    @TempDir
    Path dir;

    private LocalMongoServer start(boolean h2) {
        return LocalMongoServer.start(0, h2 ? dir.resolve("mongo.mv") : null);
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void aScopedQueryUsesTheIndexOfOneOfItsFields(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("organizationId"));
            for (int i = 0; i < 300; i++) {
                teachers.insertOne(teacher(i));
            }

            List<Document> found = teachers.find(
                            Filters.and(Filters.eq("municipalityId", "mun-1"), Filters.eq("organizationId", "org-4")))
                    .into(new ArrayList<>());

            assertThat(ids(found)).isEqualTo(expected(i -> municipality(i).equals("mun-1") && org(i) == 4));
            QueryPlanner.Plan<?> plan = planOf(
                    server,
                    new de.bwaldvogel.mongo.bson.Document("municipalityId", "mun-1").append("organizationId", "org-4"));
            assertThat(plan.indexes()).isEqualTo("organizationId_1");
            assertThat(plan.candidates()).as("the teachers of org-4 only").isEqualTo(30);
        }
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void theIndexFollowsUpdatesAndDeletes(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("organizationId"));
            for (int i = 0; i < 100; i++) {
                teachers.insertOne(teacher(i));
            }

            teachers.updateMany(Filters.eq("organizationId", "org-1"), Updates.set("organizationId", "org-moved"));
            teachers.replaceOne(Filters.eq("_id", "t-2"), teacher(2).append("organizationId", "org-moved"));
            teachers.deleteMany(Filters.eq("organizationId", "org-3"));
            teachers.updateOne(Filters.eq("_id", "t-5"), Updates.unset("organizationId"));

            assertThat(ids(teachers.find(Filters.eq("organizationId", "org-1")).into(new ArrayList<>())))
                    .isEmpty();
            assertThat(ids(teachers.find(Filters.eq("organizationId", "org-moved"))
                            .into(new ArrayList<>())))
                    .isEqualTo(expected(i -> i < 100 && (org(i) == 1 || i == 2)));
            assertThat(teachers.countDocuments(Filters.eq("organizationId", "org-3")))
                    .isZero();
            assertThat(teachers.countDocuments(Filters.eq("organizationId", "org-5")))
                    .as("t-5 left org-5")
                    .isEqualTo(9);
            assertThat(teachers.countDocuments()).isEqualTo(90);
            assertThat(planOf(server, new de.bwaldvogel.mongo.bson.Document("organizationId", "org-moved"))
                            .candidates())
                    .isEqualTo(11);
        }
    }

    @Test
    void theKeysOfADocumentAreTheOnesTheLibraryComputes() {
        List<List<String>> indexes = List.of(
                List.of("organizationId"),
                List.of("municipalityId", "organizationId"),
                List.of("lastDiagnosis.organizationId"),
                List.of("a.b.c", "x"),
                List.of("tags"),
                List.of("items.code"));
        List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
        documents.add(doc("organizationId", "org-1").append("municipalityId", "mun-1"));
        documents.add(doc("organizationId", null));
        documents.add(doc("other", 1));
        documents.add(doc("organizationId", 7).append("municipalityId", 7L));
        documents.add(doc("organizationId", 2.5).append("municipalityId", -0.0));
        documents.add(doc("organizationId", Long.MAX_VALUE));
        documents.add(doc("organizationId", doc("nested", 1)));
        documents.add(doc("lastDiagnosis", doc("organizationId", "org-9")));
        documents.add(doc("lastDiagnosis", null));
        documents.add(doc("lastDiagnosis", "not a document"));
        documents.add(doc("lastDiagnosis", doc("other", 1)));
        documents.add(doc("a", doc("b", doc("c", "deep"))).append("x", true));
        documents.add(doc("a", doc("b", null)).append("x", java.time.Instant.parse("2026-12-08T00:00:00Z")));
        documents.add(doc("tags", List.of("a", "b")));
        documents.add(doc("items", List.of(doc("code", "c1"), doc("code", "c2"), "x")));
        documents.add(doc("a", List.of(doc("b", doc("c", 1)))).append("x", 1));

        for (List<String> fields : indexes) {
            List<de.bwaldvogel.mongo.backend.IndexKey> keys = fields.stream()
                    .map(field -> new de.bwaldvogel.mongo.backend.IndexKey(field, true))
                    .toList();
            SecondaryIndex<Object> ours = new SecondaryIndex<>("ours", keys, false);
            var library = new de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex("library", keys, false);
            for (de.bwaldvogel.mongo.bson.Document document : documents) {
                assertThat(ours.getKeyValues(document))
                        .as("%s of %s", fields, document)
                        .isEqualTo(library.getKeyValues(document));
            }
        }
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    @Test
    void anH2FileRebuildsTheIndexWhenItOpens() {
        try (LocalMongoServer server = start(true);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("organizationId"));
            for (int i = 0; i < 100; i++) {
                teachers.insertOne(teacher(i));
            }
        }
        try (LocalMongoServer again = start(true);
                MongoClient client = MongoClients.create(again.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            assertThat(ids(teachers.find(Filters.eq("organizationId", "org-7")).into(new ArrayList<>())))
                    .isEqualTo(expected(i -> i < 100 && org(i) == 7));
            assertThat(planOf(again, new de.bwaldvogel.mongo.bson.Document("organizationId", "org-7"))
                            .candidates())
                    .isEqualTo(10);
            teachers.deleteOne(Filters.eq("_id", "t-7"));
            assertThat(teachers.countDocuments(Filters.eq("organizationId", "org-7")))
                    .isEqualTo(9);
        }
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void idLookupsWithAScopeAndInListsUseTheUniqueIndex(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            for (int i = 0; i < 50; i++) {
                teachers.insertOne(teacher(i));
            }

            assertThat(teachers.countDocuments(Filters.and(Filters.eq("_id", "t-3"), Filters.eq("revision", 3))))
                    .isEqualTo(1);
            assertThat(teachers.countDocuments(Filters.and(Filters.eq("_id", "t-3"), Filters.eq("revision", 4))))
                    .as("the whole query still applies")
                    .isZero();
            QueryPlanner.Plan<?> guarded =
                    planOf(server, new de.bwaldvogel.mongo.bson.Document("_id", "t-3").append("revision", 3));
            assertThat(guarded.indexes()).isEqualTo("_id_");
            assertThat(guarded.candidates()).isEqualTo(1);

            List<String> wanted = List.of("t-1", "t-2", "t-20", "t-999");
            assertThat(ids(teachers.find(Filters.and(Filters.in("_id", wanted), Filters.eq("municipalityId", "mun-2")))
                            .into(new ArrayList<>())))
                    .containsExactlyInAnyOrder("t-2", "t-20");
        }
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void arraysNumbersAndSparseIndexes(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("targetGroups"));
            teachers.createIndex(Indexes.ascending("experienceYears"));
            teachers.createIndex(Indexes.ascending("mentorId"), new IndexOptions().sparse(true));
            teachers.insertOne(new Document("_id", "a")
                    .append("targetGroups", List.of("young", "mentor"))
                    .append("experienceYears", 5)
                    .append("mentorId", "m-1"));
            teachers.insertOne(new Document("_id", "b")
                    .append("targetGroups", List.of("young"))
                    .append("experienceYears", 5L));
            teachers.insertOne(
                    new Document("_id", "c").append("targetGroups", List.of()).append("experienceYears", 7.0));

            assertThat(ids(teachers.find(Filters.eq("targetGroups", "young")).into(new ArrayList<>())))
                    .containsExactlyInAnyOrder("a", "b");
            List<Document> either =
                    teachers.find(Filters.in("targetGroups", "mentor", "young")).into(new ArrayList<>());
            assertThat(either)
                    .as("a document matching two listed values comes once")
                    .hasSize(2);
            assertThat(ids(either)).containsExactlyInAnyOrder("a", "b");
            assertThat(ids(teachers.find(Filters.eq("experienceYears", 5.0)).into(new ArrayList<>())))
                    .as("numbers compare by value, whatever their type")
                    .containsExactlyInAnyOrder("a", "b");
            assertThat(ids(teachers.find(Filters.eq("experienceYears", 7)).into(new ArrayList<>())))
                    .containsExactly("c");
            assertThat(ids(teachers.find(Filters.eq("mentorId", "m-1")).into(new ArrayList<>())))
                    .containsExactly("a");

            teachers.deleteMany(Filters.eq("targetGroups", "young"));
            assertThat(ids(teachers.find().into(new ArrayList<>()))).containsExactly("c");
        }
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void aSparseIndexAnswersExistsLikeTheOutboxSweep(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(
                    Indexes.ascending("outbox.0"),
                    new IndexOptions().sparse(true).name("outbox_pending"));
            for (int i = 0; i < 60; i++) {
                List<Document> outbox = i % 3 == 0 ? List.of(new Document("eventId", "e-" + i)) : List.of();
                teachers.insertOne(teacher(i).append("outbox", outbox));
            }
            teachers.updateOne(Filters.eq("_id", "t-3"), Updates.set("outbox", List.of()));
            teachers.updateOne(Filters.eq("_id", "t-4"), Updates.push("outbox", new Document("eventId", "e-4")));

            Bson pending = Filters.exists("outbox.0");
            assertThat(ids(teachers.find(pending).into(new ArrayList<>())))
                    .isEqualTo(expected(i -> i < 60 && (i % 3 == 0 && i != 3 || i == 4)));
            QueryPlanner.Plan<?> plan = planOf(
                    server,
                    new de.bwaldvogel.mongo.bson.Document(
                            "outbox.0", new de.bwaldvogel.mongo.bson.Document("$exists", true)));
            assertThat(plan.indexes()).isEqualTo("outbox_pending");
            assertThat(plan.candidates())
                    .as("only the documents with pending events")
                    .isEqualTo(20);
        }
    }

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void anOrOfIndexedBranchesUsesTheirIndexes(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = teachers(client);
            teachers.createIndex(Indexes.ascending("organizationId"));
            teachers.createIndex(Indexes.ascending("lastDiagnosis.organizationId"));
            for (int i = 0; i < 100; i++) {
                teachers.insertOne(teacher(i)
                        .append("lastDiagnosis", new Document("organizationId", "org-" + (i + 1) % 10)));
            }

            Bson staff = Filters.or(
                    Filters.eq("organizationId", "org-2"), Filters.eq("lastDiagnosis.organizationId", "org-2"));
            assertThat(ids(teachers.find(staff).into(new ArrayList<>())))
                    .isEqualTo(expected(i -> i < 100 && (org(i) == 2 || org(i + 1) == 2)));
            QueryPlanner.Plan<?> plan = planOf(
                    server,
                    new de.bwaldvogel.mongo.bson.Document(
                            "$or",
                            List.of(
                                    new de.bwaldvogel.mongo.bson.Document("organizationId", "org-2"),
                                    new de.bwaldvogel.mongo.bson.Document("lastDiagnosis.organizationId", "org-2"))));
            assertThat(plan.indexes()).isEqualTo("$or(organizationId_1, lastDiagnosis.organizationId_1)");
            assertThat(plan.candidates()).isEqualTo(20);
        }
    }

    /**
     * Random documents and random queries mixing indexed and unindexed fields: the indexed collection answers exactly
     * what the same documents without indexes answer.
     */
    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void answersAreTheSameAsAScan(boolean h2) {
        try (LocalMongoServer server = start(h2);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> indexed = client.getDatabase(DATABASE).getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase(DATABASE).getCollection("plain");
            indexed.createIndex(Indexes.ascending("org"));
            indexed.createIndex(Indexes.ascending("mun", "org"));
            indexed.createIndex(Indexes.ascending("tags"));
            indexed.createIndex(Indexes.ascending("status"), new IndexOptions().sparse(true));
            Random random = new Random(42);
            for (int i = 0; i < 400; i++) {
                Document document = new Document("_id", "d-" + i)
                        .append("mun", "m" + random.nextInt(3))
                        .append("org", random.nextInt(4) == 0 ? null : "o" + random.nextInt(8))
                        .append("tags", List.of("t" + random.nextInt(4), "t" + random.nextInt(4)))
                        .append("n", random.nextInt(5));
                if (random.nextBoolean()) {
                    document.append("status", random.nextBoolean() ? "open" : "done");
                }
                indexed.insertOne(document);
                plain.insertOne(document);
            }
            for (int round = 0; round < 200; round++) {
                Bson query = randomQuery(random);
                Set<String> expected = ids(plain.find(query).into(new ArrayList<>()));
                assertThat(ids(indexed.find(query).into(new ArrayList<>())))
                        .as("query %s", query)
                        .isEqualTo(expected);
                if (round % 10 == 0) {
                    Bson change = Updates.set("org", "o" + random.nextInt(8));
                    Bson which = Filters.eq("mun", "m" + random.nextInt(3));
                    indexed.updateMany(Filters.and(which, Filters.eq("n", round % 5)), change);
                    plain.updateMany(Filters.and(which, Filters.eq("n", round % 5)), change);
                    indexed.deleteMany(Filters.eq("_id", "d-" + round));
                    plain.deleteMany(Filters.eq("_id", "d-" + round));
                }
            }
        }
    }

    private static Bson randomQuery(Random random) {
        List<Bson> parts = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> parts.add(Filters.eq("org", "o" + random.nextInt(8)));
            case 1 -> parts.add(Filters.in("org", "o" + random.nextInt(8), "o" + random.nextInt(8)));
            case 2 -> parts.add(Filters.eq("org", null));
            default -> {}
        }
        switch (random.nextInt(3)) {
            case 0 -> parts.add(Filters.eq("mun", "m" + random.nextInt(3)));
            case 1 -> parts.add(Filters.ne("mun", "m" + random.nextInt(3)));
            default -> {}
        }
        switch (random.nextInt(6)) {
            case 0 -> parts.add(Filters.eq("tags", "t" + random.nextInt(4)));
            case 1 -> parts.add(Filters.eq("status", random.nextBoolean() ? "open" : "done"));
            case 2 -> parts.add(Filters.exists("status", random.nextBoolean()));
            case 3 ->
                parts.add(Filters.or(
                        Filters.eq("org", "o" + random.nextInt(8)), Filters.eq("tags", "t" + random.nextInt(4))));
            case 4 -> parts.add(Filters.or(Filters.eq("org", "o" + random.nextInt(8)), Filters.gt("n", 3)));
            default -> {}
        }
        if (random.nextBoolean()) {
            parts.add(Filters.gte("n", random.nextInt(5)));
        }
        if (parts.isEmpty()) {
            return new Document();
        }
        // both shapes: fields of one document, and an explicit $and
        return random.nextBoolean() ? Filters.and(parts) : new Document("$and", parts);
    }

    private static QueryPlanner.Plan<?> planOf(LocalMongoServer server, de.bwaldvogel.mongo.bson.Document query) {
        return server.plannerOf(DATABASE, "teachers").plan(query);
    }

    private static MongoCollection<Document> teachers(MongoClient client) {
        return client.getDatabase(DATABASE).getCollection("teachers");
    }

    private static Document teacher(int i) {
        return new Document("_id", "t-" + i)
                .append("municipalityId", municipality(i))
                .append("organizationId", "org-" + org(i))
                .append("revision", i);
    }

    private static String municipality(int i) {
        return "mun-" + i % 3;
    }

    private static int org(int i) {
        return i % 10;
    }

    private static Set<String> expected(Predicate<Integer> which) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            if (which.test(i)) {
                ids.add("t-" + i);
            }
        }
        return ids;
    }

    private static Set<String> ids(List<Document> documents) {
        Set<String> ids = new HashSet<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
