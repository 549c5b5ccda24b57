package ru.msp.route.route;

import java.util.List;
import ru.msp.contracts.EventPayload;

/** A route's next state and the events it causes, written together in one document write. */
public record RouteChange(Route route, List<EventPayload> events) {

    static RouteChange none(Route route) {
        return new RouteChange(route, List.of());
    }

    /** This change followed by another on its result; the events of both, in order. */
    public RouteChange then(java.util.function.Function<Route, RouteChange> next) {
        RouteChange following = next.apply(route);
        if (following.route() == route) {
            return this;
        }
        List<EventPayload> all = new java.util.ArrayList<>(events);
        all.addAll(following.events());
        return new RouteChange(following.route(), List.copyOf(all));
    }
}
