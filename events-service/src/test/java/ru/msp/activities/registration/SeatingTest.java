package ru.msp.activities.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.msp.activities.activity.Seating;

class SeatingTest {

    @Test
    void seatsGoFirstComeFirstServedThenTheWaitlistFills() {
        Seating s = new Seating(2, List.of(), List.of());
        s = s.register("a").seating();
        s = s.register("b").seating();
        Seating.Registration c = s.register("c");
        assertThat(c.status()).isEqualTo("WAITLISTED");
        assertThat(c.seating().seatsLeft()).isZero();
        assertThat(c.seating().register("a").changed()).isFalse();
    }

    @Test
    void aFreedSeatGoesToTheFirstWaitlistedAndLeavingTheWaitlistFreesNoSeat() {
        Seating s = new Seating(1, List.of("a"), List.of("b", "c"));
        Seating.Release left = s.withdraw("a");
        assertThat(left.promoted()).containsExactly("b");
        assertThat(left.seating().registered()).containsExactly("b");
        assertThat(left.seating().waitlist()).containsExactly("c");
        Seating.Release waiting = left.seating().withdraw("c");
        assertThat(waiting.promoted()).isEmpty();
        assertThat(waiting.seating().waitlist()).isEmpty();
        assertThat(s.withdraw("z").changed()).isFalse();
    }

    @Test
    void aResizeSeatsWaitlistedTeachersButNeverDropsHeldSeats() {
        Seating s = new Seating(1, List.of("a"), List.of("b", "c"));
        assertThat(s.resize(2).promoted()).containsExactly("b");
        assertThat(s.resize(null).promoted()).containsExactly("b", "c");
        assertThat(s.resize(null).seating().seatsLeft()).isEqualTo(Seating.UNLIMITED);
        assertThatThrownBy(() -> s.resize(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
