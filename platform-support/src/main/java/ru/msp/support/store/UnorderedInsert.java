package ru.msp.support.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Many documents in one unordered {@code insertMany}: one store round trip instead of one per document. A document
 * refused because its unique key is taken is skipped and the others stored; any other refusal fails the call.
 */
public final class UnorderedInsert {

    private UnorderedInsert() {}

    /** Maps the entities, inserts them into {@code collection}; answers the positions refused as duplicates. */
    public static Mono<Set<Integer>> into(ReactiveMongoTemplate mongo, String collection, List<?> entities) {
        if (entities.isEmpty()) {
            return Mono.just(Set.of());
        }
        return Mono.defer(() -> {
            List<Document> documents = entities.stream()
                    .map(entity -> {
                        Document stored = new Document();
                        mongo.getConverter().write(entity, stored);
                        return stored;
                    })
                    .toList();
            return mongo.getCollection(collection)
                    .flatMap(target -> Mono.from(target.insertMany(documents, new InsertManyOptions().ordered(false))))
                    .<Set<Integer>>map(inserted -> Set.of())
                    .onErrorResume(MongoBulkWriteException.class, UnorderedInsert::duplicatesOnly);
        });
    }

    private static Mono<Set<Integer>> duplicatesOnly(MongoBulkWriteException refused) {
        Set<Integer> duplicates = new TreeSet<>();
        for (BulkWriteError error : refused.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                return Mono.error(refused);
            }
            duplicates.add(error.getIndex());
        }
        return Mono.just(duplicates);
    }
}
