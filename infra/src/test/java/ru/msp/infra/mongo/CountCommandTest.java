package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver's countDocuments is answered by the collection's query, with the same counts as a find gives. */
class CountCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "h2 = {0}")
    @ValueSource(booleans = {false, true})
    void countsEqualWhatAFindReturnsAndDoNotRunTheAggregation(boolean h2) {
        try (LocalMongoServer server = LocalMongoServer.start(0, h2 ? dir.resolve("mongo.mv") : null);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = client.getDatabase("msp_test").getCollection("teachers");
            teachers.createIndex(Indexes.ascending("organizationId"));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                documents.add(new Document("_id", "t-" + i)
                        .append("municipalityId", "mun-" + i % 3)
                        .append("organizationId", "org-" + i % 40)
                        .append("n", i % 7)
                        .append("outbox", i % 5 == 0 ? List.of(new Document("eventId", "e-" + i)) : List.of()));
            }
            teachers.insertMany(documents);
            Random random = new Random(20261207);

            long before = server.countsAnswered();
            int counted = 0;
            for (int q = 0; q < 60; q++) {
                Bson filter = randomFilter(random);
                int skip = random.nextInt(3) == 0 ? random.nextInt(40) : 0;
                int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(40) : 0;
                long expected = teachers.find(filter)
                        .skip(skip)
                        .limit(limit)
                        .into(new ArrayList<>())
                        .size();
                long count = teachers.countDocuments(
                        filter, new CountOptions().skip(skip).limit(limit));
                assertThat(count).as("%s skip %d limit %d", filter, skip, limit).isEqualTo(expected);
                counted++;
            }
            assertThat(teachers.countDocuments()).isEqualTo(1200);
            counted++;
            assertThat(client.getDatabase("msp_test").getCollection("absent").countDocuments())
                    .isZero();
            assertThat(server.countsAnswered() - before)
                    .as("every count of an existing collection answered without the aggregation")
                    .isEqualTo(counted);
        }
    }

    @Test
    void otherPipelinesAndHintedCountsStayWithTheLibrary() {
        try (LocalMongoServer server = LocalMongoServer.start(0, null);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> teachers = client.getDatabase("msp_test").getCollection("teachers");
            for (int i = 0; i < 30; i++) {
                teachers.insertOne(new Document("_id", "t-" + i).append("organizationId", "org-" + i % 3));
            }
            long before = server.countsAnswered();

            List<Document> perOrganization = teachers.aggregate(List.of(
                            Aggregates.match(Filters.eq("organizationId", "org-1")),
                            Aggregates.group("$organizationId", Accumulators.sum("n", 1))))
                    .into(new ArrayList<>());
            long hinted = teachers.countDocuments(
                    Filters.eq("organizationId", "org-2"), new CountOptions().hint(Indexes.ascending("_id")));

            assertThat(perOrganization).containsExactly(new Document("_id", "org-1").append("n", 10));
            assertThat(hinted).isEqualTo(10);
            assertThat(server.countsAnswered()).isEqualTo(before);
        }
    }

    @Test
    void onlyTheDriversCountShapeIsRecognised() {
        de.bwaldvogel.mongo.bson.Document match =
                new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document("a", 1));
        de.bwaldvogel.mongo.bson.Document group = new de.bwaldvogel.mongo.bson.Document(
                "$group",
                new de.bwaldvogel.mongo.bson.Document("_id", 1)
                        .append("n", new de.bwaldvogel.mongo.bson.Document("$sum", 1)));
        de.bwaldvogel.mongo.bson.Document skip = new de.bwaldvogel.mongo.bson.Document("$skip", 5);
        de.bwaldvogel.mongo.bson.Document limit = new de.bwaldvogel.mongo.bson.Document("$limit", 7L);

        assertThat(CountCommand.Count.of(List.of(match, skip, limit, group)))
                .isEqualTo(new CountCommand.Count(new de.bwaldvogel.mongo.bson.Document("a", 1), 5, 7));
        assertThat(CountCommand.Count.of(List.of(match, group))).isNotNull();
        assertThat(CountCommand.Count.of(List.of(match, limit, skip, group)))
                .as("a skip after a limit counts something else")
                .isNull();
        assertThat(CountCommand.Count.of(List.of(group))).isNull();
        assertThat(CountCommand.Count.of(List.of(
                        match,
                        new de.bwaldvogel.mongo.bson.Document(
                                "$group",
                                new de.bwaldvogel.mongo.bson.Document("_id", "$a")
                                        .append("n", new de.bwaldvogel.mongo.bson.Document("$sum", 1))))))
                .isNull();
        assertThat(CountCommand.Count.of(List.of(match, new de.bwaldvogel.mongo.bson.Document("$sort", 1), group)))
                .isNull();
    }

    private static Bson randomFilter(Random random) {
        List<Bson> parts = new ArrayList<>();
        switch (random.nextInt(4)) {
            case 0 -> parts.add(Filters.eq("organizationId", "org-" + random.nextInt(45)));
            case 1 -> parts.add(Filters.in("organizationId", "org-" + random.nextInt(40), "org-" + random.nextInt(40)));
            case 2 -> parts.add(Filters.exists("outbox.0", random.nextBoolean()));
            default -> {}
        }
        if (random.nextBoolean()) {
            parts.add(Filters.eq("municipalityId", "mun-" + random.nextInt(4)));
        }
        if (random.nextBoolean()) {
            parts.add(Filters.gte("n", random.nextInt(7)));
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }
}
