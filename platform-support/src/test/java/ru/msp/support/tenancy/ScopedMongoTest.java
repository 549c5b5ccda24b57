package ru.msp.support.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The in-Java check of a scope filter on a document loaded by id (the lookup that must use the _id index). */
class ScopedMongoTest {

    private static final Document STORED = new Document("_id", "mp-1")
            .append("municipalityId", "m1")
            .append("menteeId", "t7")
            .append("place", new Document("organizationId", "o3"));

    @Test
    void everyEqualityOfTheFilterMustHoldOnTheStoredDocument() {
        assertThat(ScopedMongo.matches(new Document("municipalityId", "m1"), STORED))
                .isTrue();
        assertThat(ScopedMongo.matches(new Document("menteeId", "t7"), STORED)).isTrue();
        assertThat(ScopedMongo.matches(new Document("municipalityId", "m2"), STORED))
                .isFalse();
        assertThat(ScopedMongo.matches(new Document("regionId", "r1"), STORED))
                .as("a field the document lacks")
                .isFalse();
    }

    @Test
    void dottedPathsAreFollowedAndTheNoScopeSentinelNeverMatches() {
        assertThat(ScopedMongo.matches(new Document("place.organizationId", "o3"), STORED))
                .isTrue();
        assertThat(ScopedMongo.matches(new Document("place.organizationId", "o4"), STORED))
                .isFalse();
        assertThat(ScopedMongo.matches(new Document("_id", "\u0000no-scope"), STORED))
                .isFalse();
        assertThat(ScopedMongo.matches(new Document(), STORED))
                .as("admin: no filter")
                .isTrue();
    }
}
