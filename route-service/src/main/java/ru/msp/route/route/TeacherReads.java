package ru.msp.route.route;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import ru.msp.route.teacher.TeacherCard;

/**
 * What one poll of diagnoses has read of its teachers before applying them: each teacher's latest route and card,
 * with one query each for the whole poll instead of a card read and ~1.6 route probes per diagnosis.
 *
 * <p>Each is used once: the first suggestion of a teacher in the poll takes it, every later read of that teacher (a
 * second diagnosis in the same poll, a retry after another writer came in between) goes to the store, so nothing
 * written in the meantime is missed. The routes' version guard and unique ids catch a writer between the poll's read
 * and its write, as they catch one between a read and a write a moment later. Put into the Reactor context of a
 * suggestion ({@link #into}); without it every read goes to the store.
 */
public final class TeacherReads {

    private static final Object KEY = TeacherReads.class;

    /**
     * How many route numbers the poll's read asks for per teacher: most teachers have none or one. A teacher whose
     * routes fill all of them has the rest probed as before.
     */
    static final int NUMBERS = 3;

    private final Map<String, Optional<Route>> latestRoutes = new ConcurrentHashMap<>();
    private final Map<String, Optional<TeacherCard>> cards = new ConcurrentHashMap<>();
    private final Map<String, Optional<Boolean>> mentored = new ConcurrentHashMap<>();

    public Context into(Context context) {
        return context.put(KEY, this);
    }

    /** The route ids the poll reads for these teachers: numbers 1 to {@link #NUMBERS} of each. */
    static List<String> routeIds(Collection<String> teacherIds) {
        return teacherIds.stream()
                .distinct()
                .flatMap(teacher -> IntStream.rangeClosed(1, NUMBERS).mapToObj(number -> Route.idOf(teacher, number)))
                .toList();
    }

    /** Records what the read of {@link #routeIds} found: each teacher's highest route, or none. */
    void routesFound(Collection<String> teacherIds, Collection<Route> found) {
        Map<String, Route> highest = new HashMap<>();
        for (Route route : found) {
            highest.merge(route.teacherId(), route, (a, b) -> a.number() >= b.number() ? a : b);
        }
        for (String teacher : teacherIds) {
            Route latest = highest.get(teacher);
            if (latest == null) {
                latestRoutes.put(teacher, Optional.empty());
            } else if (latest.number() < NUMBERS) {
                latestRoutes.put(teacher, Optional.of(latest));
            } // else there may be more: left to the probe
        }
    }

    /** Records what the read of the teachers' cards found: a card, or none. */
    void cardsFound(Collection<String> teacherIds, Collection<TeacherCard> found) {
        Map<String, TeacherCard> byId = new HashMap<>();
        found.forEach(card -> byId.put(card.teacherId(), card));
        teacherIds.forEach(teacher -> cards.put(teacher, Optional.ofNullable(byId.get(teacher))));
    }

    /** Records which of the teachers the read of mentoring pairs found as mentees of a pair that has not ended. */
    void menteesFound(Collection<String> teacherIds, Collection<String> mentees) {
        teacherIds.forEach(teacher -> mentored.put(teacher, Optional.of(mentees.contains(teacher))));
    }

    /** Whether the teacher has a mentor, as the poll read it, once; else (and without a poll) as {@code read} finds. */
    static Mono<Boolean> mentored(ContextView context, String teacherId, Supplier<Mono<Boolean>> read) {
        return taken(context, teacherId, reads -> reads.mentored, read).map(found -> found.orElse(false));
    }

    /** The teacher's latest route as the poll read it, once; else (and without a poll) as {@code read} finds it. */
    static Mono<Optional<Route>> latestRoute(ContextView context, String teacherId, Supplier<Mono<Route>> read) {
        return taken(context, teacherId, reads -> reads.latestRoutes, read);
    }

    /** The teacher's card as the poll read it, once; else (and without a poll) as {@code read} finds it. */
    static Mono<Optional<TeacherCard>> card(ContextView context, String teacherId, Supplier<Mono<TeacherCard>> read) {
        return taken(context, teacherId, reads -> reads.cards, read);
    }

    private static <T> Mono<Optional<T>> taken(
            ContextView context,
            String teacherId,
            Function<TeacherReads, Map<String, Optional<T>>> which,
            Supplier<Mono<T>> read) {
        TeacherReads poll = context.getOrDefault(KEY, null);
        Optional<T> known =
                poll == null || teacherId == null ? null : which.apply(poll).remove(teacherId);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.defer(read).map(Optional::of).defaultIfEmpty(Optional.empty());
    }
}
