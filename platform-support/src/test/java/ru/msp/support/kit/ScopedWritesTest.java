package ru.msp.support.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import ru.msp.support.kit.KitTestApplication.Member;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.store.IdChunks;
import ru.msp.support.tenancy.Role;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;
import ru.msp.testsupport.WithPlatformInfrastructure;

/** The batch insert and the time-guarded update of {@link ScopedMongo} against the shared MongoDB endpoint. */
@WithPlatformInfrastructure
@SpringBootTest(classes = KitTestApplication.class)
class ScopedWritesTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final TenantScope SYSTEM = TenantScope.system("kit-test");
    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    @Autowired
    ScopedMongo scoped;

    @Autowired
    ReactiveMongoTemplate mongo;

    String municipality;

    @BeforeEach
    void indexes() {
        municipality = "mun-" + UUID.randomUUID();
        mongo.indexOps(KitTestApplication.MEMBERS)
                .createIndex(new Index()
                        .on("externalKey", Sort.Direction.ASC)
                        .unique()
                        .sparse())
                .block(WAIT);
        mongo.indexOps(KitTestApplication.MEMBERS)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on(ScopedMongo.REVISION, Sort.Direction.ASC)
                        .unique())
                .block(WAIT);
    }

    @Test
    void insertAllStoresEveryNewDocumentAndReportsTheDuplicatesByPosition() {
        Member taken = member("taken");
        scoped.insertAll(SYSTEM, List.of(taken)).block(WAIT);

        Member first = member("a");
        Member again = new Member("m-" + UUID.randomUUID(), "reg-1", municipality, taken.externalKey(), null);
        Member last = member("b");
        Set<Integer> duplicates =
                scoped.insertAll(SYSTEM, List.of(first, again, last)).block(WAIT);

        assertThat(duplicates).containsExactly(1);
        assertThat(stored(first.id())).isNotNull();
        assertThat(stored(last.id())).as("written after the refused one").isNotNull();
        assertThat(stored(again.id())).isNull();
    }

    @Test
    void insertAllWritesNothingWhenOneDocumentIsOutOfScope() {
        TenantScope operator =
                new TenantScope("op", null, Set.of(Role.MUNICIPAL_OPERATOR), "reg-1", municipality, null, null, false);
        Member own = member("own");
        Member foreign = new Member("m-" + UUID.randomUUID(), "reg-1", "mun-elsewhere", "x-" + UUID.randomUUID(), null);

        assertThatThrownBy(
                        () -> scoped.insertAll(operator, List.of(own, foreign)).block(WAIT))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(stored(own.id())).isNull();
    }

    @Test
    void findByIdsReadsEveryChunkAndOnlyWhatTheScopeCovers() {
        List<Member> own = java.util.stream.IntStream.range(0, IdChunks.SIZE * 2 + 17)
                .mapToObj(i -> member("own" + i))
                .toList();
        Member foreign = new Member("m-" + UUID.randomUUID(), "reg-1", "mun-elsewhere", "f-" + UUID.randomUUID(), null);
        scoped.insertAll(SYSTEM, own).block(WAIT);
        scoped.insertAll(SYSTEM, List.of(foreign)).block(WAIT);
        List<String> asked =
                new java.util.ArrayList<>(own.stream().map(Member::id).toList());
        asked.add(own.get(0).id()); // asked twice, found once
        asked.add(foreign.id());
        asked.add("m-missing");
        TenantScope operator =
                new TenantScope("op", null, Set.of(Role.MUNICIPAL_OPERATOR), "reg-1", municipality, null, null, false);

        List<Member> seenByOperator =
                scoped.findByIds(operator, asked, Member.class).collectList().block(WAIT);
        List<Member> seenBySystem =
                scoped.findByIds(SYSTEM, asked, Member.class).collectList().block(WAIT);

        assertThat(seenByOperator)
                .map(Member::id)
                .containsExactlyInAnyOrderElementsOf(
                        own.stream().map(Member::id).toList());
        assertThat(seenBySystem).hasSize(own.size() + 1).contains(foreign);
        assertThat(IdChunks.of(asked)).as("distinct ids in chunks").hasSize(3);
    }

    @Test
    void updateIfNewerCreatesThenKeepsTheNewestTimeWhateverTheOrder() {
        String id = "m-" + UUID.randomUUID();
        assertThat(seen(id, T0.plusSeconds(10), "ten")).isTrue();
        assertThat(seen(id, T0.plusSeconds(5), "five")).as("older: ignored").isFalse();
        assertThat(seen(id, T0.plusSeconds(10), "ten again"))
                .as("the same time: ignored")
                .isFalse();
        assertThat(seen(id, T0.plusSeconds(20), "twenty")).isTrue();

        Document stored = stored(id);
        assertThat(stored.getString("note")).isEqualTo("twenty");
        assertThat(stored.getDate("seenAt").toInstant()).isEqualTo(T0.plusSeconds(20));
        assertThat(stored.getString("municipalityId")).as("set on insert").isEqualTo(municipality);
        assertThat(((Number) stored.get(ScopedMongo.REVISION)).longValue()).isEqualTo(2);
    }

    @Test
    void concurrentUpdatesLeaveTheNewestOne() {
        String id = "m-" + UUID.randomUUID();
        List<Integer> seconds = List.of(7, 3, 19, 11, 2, 17, 5, 13, 23, 1, 29, 31, 37, 41, 43);
        Flux.fromIterable(seconds)
                .flatMap(s -> update(id, T0.plusSeconds(s), "at " + s), seconds.size())
                .collectList()
                .block(WAIT);

        Document stored = stored(id);
        assertThat(stored.getString("note")).isEqualTo("at 43");
        assertThat(stored.getDate("seenAt").toInstant()).isEqualTo(T0.plusSeconds(43));
    }

    @Test
    void updateEachAppliesEveryGuardedUpdateInOneWriteAndCountsTheMatches() {
        Member a = member("a");
        Member b = member("b");
        scoped.insertAll(SYSTEM, List.of(a, b)).block(WAIT);
        TenantKey owner = TenantKey.municipality("reg-1", municipality);

        long matched = scoped.updateEach(
                        SYSTEM,
                        List.of(
                                new ScopedMongo.OneUpdate(
                                        owner,
                                        Query.query(Criteria.where("_id").is(a.id())),
                                        new Update().set("note", "first")),
                                new ScopedMongo.OneUpdate(
                                        owner,
                                        Query.query(Criteria.where("_id")
                                                .is(b.id())
                                                .and("externalKey")
                                                .is("not its key")),
                                        new Update().set("note", "missed"))),
                        Member.class)
                .block(WAIT);

        assertThat(matched).isEqualTo(1);
        assertThat(stored(a.id()).getString("note")).isEqualTo("first");
        assertThat(stored(b.id()).getString("note")).isNull();
    }

    @Test
    void updateEachWritesNothingWhenOneOwnerIsOutOfScope() {
        Member a = member("a");
        scoped.insertAll(SYSTEM, List.of(a)).block(WAIT);
        TenantScope operator =
                new TenantScope("op", null, Set.of(Role.MUNICIPAL_OPERATOR), "reg-1", municipality, null, null, false);
        List<ScopedMongo.OneUpdate> updates = List.of(
                new ScopedMongo.OneUpdate(
                        TenantKey.municipality("reg-1", municipality),
                        Query.query(Criteria.where("_id").is(a.id())),
                        new Update().set("note", "mine")),
                new ScopedMongo.OneUpdate(
                        TenantKey.municipality("reg-1", "mun-elsewhere"),
                        Query.query(Criteria.where("_id").is("m-elsewhere")),
                        new Update().set("note", "theirs")));

        assertThatThrownBy(
                        () -> scoped.updateEach(operator, updates, Member.class).block(WAIT))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(stored(a.id()).getString("note")).isNull();
    }

    @Test
    void updateEachIfNewerWritesOnlyTheNewerChangesAndAppliesLaterChangesOfOneDocumentInOrder() {
        String older = "m-" + UUID.randomUUID();
        String same = "m-" + UUID.randomUUID();
        String fresh = "m-" + UUID.randomUUID();
        String twice = "m-" + UUID.randomUUID();
        seen(older, T0.plusSeconds(10), "stored ten");
        seen(same, T0.plusSeconds(10), "stored ten");

        scoped.updateEachIfNewer(
                        SYSTEM,
                        List.of(
                                newer(older, T0.plusSeconds(20), "twenty"),
                                newer(same, T0.plusSeconds(10), "ten again"),
                                newer(fresh, T0, "new"),
                                newer(twice, T0.plusSeconds(5), "five"),
                                newer(twice, T0.plusSeconds(3), "three, late"),
                                newer(twice, T0.plusSeconds(7), "seven")),
                        Member.class)
                .block(WAIT);

        assertThat(stored(older).getString("note")).isEqualTo("twenty");
        assertThat(((Number) stored(older).get(ScopedMongo.REVISION)).longValue())
                .isEqualTo(2);
        assertThat(stored(same).getString("note")).as("as new: ignored").isEqualTo("stored ten");
        assertThat(stored(fresh).getString("note")).isEqualTo("new");
        assertThat(stored(fresh).getString("municipalityId"))
                .as("set on insert")
                .isEqualTo(municipality);
        assertThat(stored(twice).getString("note")).isEqualTo("seven");
        assertThat(((Number) stored(twice).get(ScopedMongo.REVISION)).longValue())
                .as("five, then seven; three was older")
                .isEqualTo(2);
    }

    @Test
    void updateEachIfNewerBesideSingleWritersLeavesTheNewestOfEach() {
        List<String> ids = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> "m-" + UUID.randomUUID())
                .toList();
        List<Integer> seconds = List.of(7, 3, 19, 11, 2, 17, 5, 13);
        Flux.fromIterable(seconds)
                .flatMap(
                        s -> s % 2 == 0
                                ? Flux.fromIterable(ids)
                                        .flatMap(id -> update(id, T0.plusSeconds(s), "at " + s))
                                        .then()
                                : scoped.updateEachIfNewer(
                                        SYSTEM,
                                        ids.stream()
                                                .map(id -> newer(id, T0.plusSeconds(s), "at " + s))
                                                .toList(),
                                        Member.class),
                        seconds.size())
                .then()
                .block(WAIT);

        assertThat(ids)
                .allSatisfy(id -> assertThat(stored(id).getString("note")).isEqualTo("at 19"));
    }

    @Test
    void updateEachIfNewerWritesNothingWhenOneOwnerIsOutOfScope() {
        TenantScope operator =
                new TenantScope("op", null, Set.of(Role.MUNICIPAL_OPERATOR), "reg-1", municipality, null, null, false);
        String own = "m-" + UUID.randomUUID();
        ScopedMongo.NewerUpdate foreign = new ScopedMongo.NewerUpdate(
                TenantKey.municipality("reg-1", "mun-elsewhere"),
                "m-" + UUID.randomUUID(),
                "seenAt",
                T0,
                new Update().set("note", "theirs"));

        assertThatThrownBy(() -> scoped.updateEachIfNewer(
                                operator, List.of(newer(own, T0, "mine"), foreign), Member.class)
                        .block(WAIT))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(stored(own)).isNull();
        assertThat(stored((String) foreign.id())).isNull();
    }

    private ScopedMongo.NewerUpdate newer(String id, Instant time, String note) {
        Update update = new Update()
                .set("seenAt", time)
                .set("note", note)
                .setOnInsert("regionId", "reg-1")
                .setOnInsert("municipalityId", municipality);
        return new ScopedMongo.NewerUpdate(TenantKey.municipality("reg-1", municipality), id, "seenAt", time, update);
    }

    @Test
    void saveAllReplacesTheStoredDocumentsAndInsertsTheNewOnesInOneWrite() {
        Member kept = member("kept");
        Member replaced = member("replaced");
        scoped.insertAll(SYSTEM, List.of(kept, replaced)).block(WAIT);
        Member changed = new Member(replaced.id(), "reg-1", municipality, "changed-key", T0);
        Member added = member("added");

        scoped.saveAll(SYSTEM, List.of(changed, added), Member.class).block(WAIT);

        assertThat(stored(replaced.id()).getString("externalKey")).isEqualTo("changed-key");
        assertThat(stored(replaced.id()).getDate("seenAt").toInstant()).isEqualTo(T0);
        assertThat(stored(added.id()).getString("externalKey")).isEqualTo(added.externalKey());
        assertThat(stored(kept.id()).getString("externalKey"))
                .as("not named: untouched")
                .isEqualTo(kept.externalKey());
        assertThat(mongo.count(
                                Query.query(Criteria.where("municipalityId").is(municipality)),
                                KitTestApplication.MEMBERS)
                        .block(WAIT))
                .isEqualTo(3);
    }

    @Test
    void saveAllWritesNothingWhenOneDocumentIsOutOfScope() {
        TenantScope operator =
                new TenantScope("op", null, Set.of(Role.MUNICIPAL_OPERATOR), "reg-1", municipality, null, null, false);
        Member own = member("own");
        Member foreign = new Member("m-" + UUID.randomUUID(), "reg-1", "mun-elsewhere", "x-" + UUID.randomUUID(), null);

        assertThatThrownBy(() -> scoped.saveAll(operator, List.of(own, foreign), Member.class)
                        .block(WAIT))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(stored(own.id())).isNull();
        assertThat(stored(foreign.id())).isNull();
    }

    private boolean seen(String id, Instant time, String note) {
        return update(id, time, note).block(WAIT);
    }

    private reactor.core.publisher.Mono<Boolean> update(String id, Instant time, String note) {
        Update update = new Update()
                .set("seenAt", time)
                .set("note", note)
                .setOnInsert("regionId", "reg-1")
                .setOnInsert("municipalityId", municipality);
        return scoped.updateIfNewer(
                SYSTEM, TenantKey.municipality("reg-1", municipality), id, "seenAt", time, update, Member.class);
    }

    private Member member(String tag) {
        return new Member("m-" + UUID.randomUUID(), "reg-1", municipality, tag + "-" + UUID.randomUUID(), null);
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, KitTestApplication.MEMBERS).block(WAIT);
    }
}
