package ru.msp.support.consumer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantOwned;
import ru.msp.support.tenancy.TenantScope;

/**
 * One poll of a read model that a single consumer alone writes, one document per key: the documents the poll's events
 * name are read with one query ({@link #load}, as {@link IdempotentConsumer}'s preparation), each event is merged in
 * memory in partition order ({@link #apply}), and the documents that changed are written back with one bulk write
 * ({@link #store}, as its batch effect, before the poll's markers). One key's events share a partition and nothing
 * else writes these documents, so nothing writes one between the read and the write; the merge itself must ignore
 * what is older than the stored state, so that a redelivered poll changes nothing. Instead of a read and a write per
 * event. One per listener call, never shared between threads.
 *
 * @param <T> the read model's document
 */
public final class ReadModelPoll<T extends TenantOwned> {

    /**
     * What a read model is made of.
     *
     * @param id a document's id
     * @param idOf the id of the document an event changes; null for events the model does not keep
     * @param unseen the document of a key no event was seen of yet
     * @param merge the document after one more event; the same instance (or an equal one) when it changes nothing
     * @param revised applied once to a changed document before it is kept (a revision count, say)
     */
    public record Model<T>(
            Class<T> type,
            Function<T, String> id,
            Function<DomainEvent<?>, String> idOf,
            Function<String, T> unseen,
            BiFunction<T, DomainEvent<?>, T> merge,
            UnaryOperator<T> revised) {}

    private final ScopedMongo mongo;
    private final TenantScope writer;
    private final Model<T> model;
    private final Map<String, T> documents = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** @param writer the consumer's scope, for its reads and writes */
    public ReadModelPoll(ScopedMongo mongo, TenantScope writer, Model<T> model) {
        this.mongo = mongo;
        this.writer = writer;
        this.model = model;
    }

    /** Whether the model keeps anything of the event: the others need neither applying nor a marker. */
    public boolean concerns(DomainEvent<?> event) {
        return model.idOf().apply(event) != null;
    }

    /** Reads every document the events about to be applied name. */
    public Mono<Void> load(List<DomainEvent<?>> events) {
        Set<String> ids =
                events.stream().map(model.idOf()).filter(Objects::nonNull).collect(Collectors.toSet());
        return mongo.findByIds(writer, ids, model.type())
                .doOnNext(document -> documents.put(model.id().apply(document), document))
                .then();
    }

    /** Merges one event into what the poll holds. */
    public Mono<Void> apply(DomainEvent<?> event) {
        return Mono.fromRunnable(() -> {
            String id = model.idOf().apply(event);
            if (id == null) {
                return;
            }
            T stored = documents.containsKey(id)
                    ? documents.get(id)
                    : model.unseen().apply(id);
            T next = model.merge().apply(stored, event);
            if (!next.equals(stored)) {
                documents.put(id, model.revised().apply(next));
                changed.add(id);
            }
        });
    }

    /** Writes the documents the applied events changed. */
    public Mono<Void> store() {
        return Mono.defer(
                () -> mongo.saveAll(writer, changed.stream().map(documents::get).toList(), model.type())
                        .doOnSuccess(done -> changed.clear()));
    }

    /** The document as the poll left it: as stored, with the poll's events merged; empty when neither has it. */
    public Optional<T> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }
}
