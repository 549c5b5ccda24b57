package ru.msp.route.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.util.context.Context;
import reactor.util.context.ContextView;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.route.suggestion.Suggestion;

/**
 * The routes a poll of diagnoses opens, held in the Reactor context of its suggestions and inserted together when the
 * poll's diagnoses are applied ({@link RouteBook#insertHeld}), before its batch effects: one write for the poll
 * instead of one per diagnosis. A second diagnosis of a teacher whose route is held first has the held routes
 * inserted, and then reads the store as without a poll. One per listener call.
 */
public final class NewRoutes {

    private static final Object KEY = NewRoutes.class;

    /** A route to insert (with its outbox), the diagnosis that opened it and what was suggested. */
    record Held(Route route, DomainEvent<DiagnosticCompleted> cause, Suggestion suggestion) {}

    private final Map<String, Held> byTeacher = new LinkedHashMap<>();

    public Context into(Context context) {
        return context.put(KEY, this);
    }

    /** The context without a holder: routes are inserted at once. */
    static Context without(Context context) {
        return context.delete(KEY);
    }

    /** The poll's holder in the context; null without a poll. */
    static NewRoutes in(ContextView context) {
        return context.getOrDefault(KEY, null);
    }

    synchronized boolean holds(String teacherId) {
        return byTeacher.containsKey(teacherId);
    }

    synchronized void hold(Held route) {
        byTeacher.put(route.route().teacherId(), route);
    }

    /** The held routes, in the order they were opened; none are held afterwards. */
    synchronized List<Held> take() {
        List<Held> taken = new ArrayList<>(byTeacher.values());
        byTeacher.clear();
        return taken;
    }
}
