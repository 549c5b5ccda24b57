package ru.msp.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both backends' collections ({@link PlannedH2Collection} for the platform, {@link PlannedMemoryCollection} for
 * tests). A document a query returned is what the wire encoder sends after the collection's lock is released: a later update
 * must not change that object (it did: "Failed to encode … ConcurrentModificationException" in the store's log
 * during the 100,000-result benchmark).
 */
class CopyOnChangeTest {

    private MVStore store;
    private AbstractMongoCollection<?> cards;

    enum Backend {
        H2,
        MEMORY
    }

    private void open(Backend backend) {
        if (backend == Backend.H2) {
            store = new MVStore.Builder().open(); // in memory: the same maps and cache, no file
            cards = (PlannedH2Collection) new IndexedH2Database("msp_route", store, new CursorRegistry())
                    .createCollectionOrThrowIfExists("teacher_cards", CollectionOptions.withDefaults());
        } else {
            cards = (PlannedMemoryCollection) new IndexedMemoryDatabase("msp_route", new CursorRegistry())
                    .createCollectionOrThrowIfExists("teacher_cards", CollectionOptions.withDefaults());
        }
        cards.addDocument(new Document("_id", "t1").append("rev", 1).append("organizationId", "org-1"));
        cards.addDocument(new Document("_id", "t2").append("rev", 1).append("organizationId", "org-2"));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUpdateByIdLeavesTheDocumentsQueriesReturnedAsTheyWere(Backend backend) {
        open(backend);
        Document sent = only(new Document("_id", "t1"));

        cards.updateDocuments(
                new Document("_id", "t1").append("rev", 1),
                new Document("$set", new Document("rev", 2).append("facts", new Document("position", "TEACHER")))
                        .append("$unset", new Document("organizationId", "")),
                ArrayFilters.empty(),
                false,
                false,
                NoopOplog.get());

        assertThat(sent)
                .as("the document a query returned")
                .isEqualTo(new Document("_id", "t1").append("rev", 1).append("organizationId", "org-1"));
        assertThat(only(new Document("_id", "t1")))
                .as("what the next query finds")
                .isEqualTo(new Document("_id", "t1")
                        .append("rev", 2)
                        .append("facts", new Document("position", "TEACHER")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anUpdateThatScansAndAFindAndModifyChangeCopiesToo(Backend backend) {
        open(backend);
        Document sent = only(new Document("_id", "t2"));

        cards.updateDocuments(
                new Document("organizationId", "org-2"), // no index: the whole collection is read
                new Document("$set", new Document("departed", true)),
                ArrayFilters.empty(),
                true,
                false,
                NoopOplog.get());
        cards.findAndModify(new Document("query", new Document("_id", "t2"))
                .append("update", new Document("$inc", new Document("rev", 1))));

        assertThat(sent).isEqualTo(new Document("_id", "t2").append("rev", 1).append("organizationId", "org-2"));
        assertThat(only(new Document("_id", "t2")))
                .isEqualTo(new Document("_id", "t2")
                        .append("rev", 2)
                        .append("organizationId", "org-2")
                        .append("departed", true));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void updatesOfNestedPathsReplaceTheNestedDocumentsAndArraysInsteadOfChangingThem(Backend backend) {
        // the copies are shallow: this holds only while the library never changes a stored nested value in place
        open(backend);
        cards.addDocument(new Document("_id", "c1")
                .append("rev", 1)
                .append("marks", new Document("t1", new Document("count", 1)))
                .append("steps", new ArrayList<>(List.of(new Document("no", 1)))));
        Document sent = only(new Document("_id", "c1"));
        Document marksSent = (Document) sent.get("marks");
        Object stepsSent = sent.get("steps");
        Document asSent = sent.cloneDeeply();

        cards.updateDocuments(
                new Document("_id", "c1"),
                new Document("$inc", new Document("marks.t1.count", 1).append("rev", 1))
                        .append("$set", new Document("marks.t2", new Document("count", 1)))
                        .append("$push", new Document("steps", new Document("no", 2))),
                ArrayFilters.empty(),
                false,
                false,
                NoopOplog.get());
        cards.findAndModify(new Document("query", new Document("_id", "c1"))
                .append(
                        "update",
                        new Document("$unset", new Document("marks.t1", ""))
                                .append("$pop", new Document("steps", -1))));

        assertThat(sent)
                .as("the document a query returned, nested values included")
                .isEqualTo(asSent);
        assertThat(sent.get("marks")).isSameAs(marksSent);
        assertThat(sent.get("steps")).isSameAs(stepsSent);
        assertThat(only(new Document("_id", "c1")))
                .isEqualTo(new Document("_id", "c1")
                        .append("rev", 2)
                        .append("marks", new Document("t2", new Document("count", 1)))
                        .append("steps", List.of(new Document("no", 2))));
    }

    private Document only(Document query) {
        List<Document> found =
                cards.handleQuery(new QueryParameters(query, 0, 0)).collectDocuments();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
