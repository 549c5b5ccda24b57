package ru.msp.route.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import ru.msp.route.suggestion.Suggestion;
import ru.msp.route.teacher.TeacherCard;
import ru.msp.support.tenancy.TenantKey;

class TeacherReadsTest {

    final AtomicInteger storeReads = new AtomicInteger();

    @Test
    void thePollAsksForTheFirstRouteNumbersOfEachTeacherOnce() {
        assertThat(TeacherReads.routeIds(List.of("t1", "t2", "t1")))
                .containsExactly("rt-t1-1", "rt-t1-2", "rt-t1-3", "rt-t2-1", "rt-t2-2", "rt-t2-3");
    }

    @Test
    void eachTeacherGetsTheHighestRouteFoundOrNoneAndATeacherWithAllNumbersIsProbed() {
        TeacherReads reads = new TeacherReads();
        reads.routesFound(
                List.of("t1", "t2", "t3"),
                List.of(route("t1", 1), route("t1", 2), route("t3", 1), route("t3", 2), route("t3", 3)));
        Context poll = reads.into(Context.empty());

        assertThat(latest(poll, "t1")).map(Route::number).contains(2);
        assertThat(latest(poll, "t2")).as("known to have none").isEmpty();
        assertThat(storeReads).as("both from the poll's read").hasValue(0);
        assertThat(latest(poll, "t3"))
                .as("routes 1 to 3 found: there may be a 4th, so the store is asked")
                .map(Route::number)
                .contains(9);
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void aTeacherIsTakenFromThePollOnceThenEveryReadGoesToTheStore() {
        // a second diagnosis of the teacher in the same poll, or a retry after a concurrent write, must see the store
        TeacherReads reads = new TeacherReads();
        reads.routesFound(List.of("t1"), List.of(route("t1", 1)));
        Context poll = reads.into(Context.empty());

        assertThat(latest(poll, "t1")).map(Route::number).contains(1);
        assertThat(latest(poll, "t1")).map(Route::number).contains(9);
        assertThat(latest(poll, "t1")).map(Route::number).contains(9);
        assertThat(storeReads).hasValue(2);
    }

    @Test
    void cardsAreKnownOrKnownToBeMissingAndOtherTeachersAndNoPollGoToTheStore() {
        TeacherReads reads = new TeacherReads();
        reads.cardsFound(Set.of("t1", "t2"), List.of(card("t1")));
        Context poll = reads.into(Context.empty());

        assertThat(card(poll, "t1")).map(TeacherCard::organizationId).contains("org-of-t1");
        assertThat(card(poll, "t2")).isEmpty();
        assertThat(storeReads).hasValue(0);
        assertThat(card(poll, "t3")).map(TeacherCard::organizationId).contains("stored");
        assertThat(card(Context.empty(), "t1")).map(TeacherCard::organizationId).contains("stored");
        assertThat(latest(Context.empty(), "t1")).map(Route::number).contains(9);
        assertThat(storeReads).hasValue(3);
    }

    @Test
    void menteesAreKnownOnceForThePollsTeachersAndTheRestGoToTheStore() {
        TeacherReads reads = new TeacherReads();
        reads.menteesFound(Set.of("t1", "t2"), Set.of("t2"));
        Context poll = reads.into(Context.empty());

        assertThat(mentored(poll, "t1")).isFalse();
        assertThat(mentored(poll, "t2")).isTrue();
        assertThat(storeReads).hasValue(0);
        assertThat(mentored(poll, "t1")).as("taken once: the store answers now").isTrue();
        assertThat(mentored(poll, "t3")).isTrue();
        assertThat(storeReads).hasValue(2);
    }

    private Boolean mentored(Context poll, String teacher) {
        return TeacherReads.mentored(poll, teacher, () -> {
                    storeReads.incrementAndGet();
                    return Mono.just(true);
                })
                .block();
    }

    private Optional<Route> latest(Context poll, String teacher) {
        return TeacherReads.latestRoute(poll, teacher, stored(() -> route(teacher, 9)))
                .block();
    }

    private Optional<TeacherCard> card(Context poll, String teacher) {
        return TeacherReads.card(
                        poll,
                        teacher,
                        stored(() -> new TeacherCard(
                                teacher, "reg-1", "mun-1", "stored", null, false, null, List.of(), List.of(), null,
                                null)))
                .block();
    }

    private <T> Supplier<Mono<T>> stored(Supplier<T> value) {
        return () -> Mono.fromSupplier(() -> {
            storeReads.incrementAndGet();
            return value.get();
        });
    }

    private static Route route(String teacher, int number) {
        return Route.open(
                        teacher,
                        number,
                        new TenantKey("reg-1", "mun-1", "org-1", teacher),
                        "fw-1",
                        RouteTest.measured("res-" + number, "2026-02-20", 40, 70),
                        List.of(RouteTest.ASSESSMENT),
                        new Suggestion(List.of(), List.of()),
                        RouteTest.NOW)
                .route();
    }

    private static TeacherCard card(String teacher) {
        return new TeacherCard(
                teacher, "reg-1", "mun-1", "org-of-" + teacher, null, false, null, List.of(), List.of(), null, null);
    }
}
