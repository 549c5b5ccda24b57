package ru.msp.activities.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import ru.msp.activities.informing.AudienceTest;

/** The feed without Spring: every activity one valid VEVENT. */
class CalendarFeedRulesTest {

    @Test
    void aFeedPassesRfc5545ValidationAndAnEmptyOneIsStillACalendar() {
        Calendar feed = CalendarFeed.of(
                List.of(AudienceTest.activity("MUNICIPAL", java.util.Set.of(), List.of())),
                Instant.parse("2026-01-01T00:00:00.123Z"));
        assertThat(feed.validate().hasErrors()).isFalse();
        assertThat(feed.toString())
                .contains("DTSTAMP:20260101T000000Z")
                .contains("UID:a-1@msp.events")
                .contains("LOCATION:Школа");
        assertThat(CalendarFeed.of(List.of(), Instant.now()).toString()).contains("PRODID:" + CalendarFeed.PRODID);
    }
}
