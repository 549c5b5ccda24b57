package ru.msp.activities.activity;

import java.util.ArrayList;
import java.util.List;

/**
 * Seats of an activity: who holds one, who waits (first come first served). Plain rules; the registry writes the
 * result back with a compare-and-set on the activity's version, so concurrent changes never oversell a seat.
 *
 * @param capacity null when the activity has no seat limit
 */
public record Seating(Integer capacity, List<String> registered, List<String> waitlist) {

    /** Reported as {@code seatsLeft} when there is no limit. */
    public static final int UNLIMITED = -1;

    public Seating {
        registered = registered == null ? List.of() : List.copyOf(registered);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
    }

    public int seatsLeft() {
        return capacity == null ? UNLIMITED : Math.max(0, capacity - registered.size());
    }

    /** Seats left as stored: null without a limit. */
    public Integer storedSeatsLeft() {
        return capacity == null ? null : seatsLeft();
    }

    public String statusOf(String teacherId) {
        if (registered.contains(teacherId)) {
            return "REGISTERED";
        }
        return waitlist.contains(teacherId) ? "WAITLISTED" : null;
    }

    /** The outcome of a registration: the new seating and what the teacher got (REGISTERED or WAITLISTED). */
    public record Registration(Seating seating, String status, boolean changed) {}

    public Registration register(String teacherId) {
        String current = statusOf(teacherId);
        if (current != null) {
            return new Registration(this, current, false);
        }
        if (capacity == null || registered.size() < capacity) {
            return new Registration(new Seating(capacity, plus(registered, teacherId), waitlist), "REGISTERED", true);
        }
        return new Registration(new Seating(capacity, registered, plus(waitlist, teacherId)), "WAITLISTED", true);
    }

    /** The outcome of a withdrawal or a resize: the new seating and the waitlisted teachers who got a seat. */
    public record Release(Seating seating, boolean changed, List<String> promoted) {}

    public Release withdraw(String teacherId) {
        if (waitlist.contains(teacherId)) {
            return new Release(new Seating(capacity, registered, minus(waitlist, teacherId)), true, List.of());
        }
        if (!registered.contains(teacherId)) {
            return new Release(this, false, List.of());
        }
        return new Seating(capacity, minus(registered, teacherId), waitlist).promote();
    }

    /** A new capacity; waitlisted teachers take the seats it adds. Never below the seats already held. */
    public Release resize(Integer newCapacity) {
        if (newCapacity != null && newCapacity < registered.size()) {
            throw new IllegalArgumentException("capacity below the " + registered.size() + " seats held");
        }
        return new Seating(newCapacity, registered, waitlist).promote();
    }

    private Release promote() {
        List<String> seated = new ArrayList<>(registered);
        List<String> waiting = new ArrayList<>(waitlist);
        List<String> promoted = new ArrayList<>();
        while (!waiting.isEmpty() && (capacity == null || seated.size() < capacity)) {
            String next = waiting.remove(0);
            seated.add(next);
            promoted.add(next);
        }
        return new Release(new Seating(capacity, seated, waiting), true, List.copyOf(promoted));
    }

    private static List<String> plus(List<String> list, String id) {
        List<String> next = new ArrayList<>(list);
        next.add(id);
        return next;
    }

    private static List<String> minus(List<String> list, String id) {
        List<String> next = new ArrayList<>(list);
        next.remove(id);
        return next;
    }
}
