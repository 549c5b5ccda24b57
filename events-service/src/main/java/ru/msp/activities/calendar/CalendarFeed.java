package ru.msp.activities.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityStatus;

/** Activities as an RFC 5545 calendar (ical4j builds and validates it). Plain code, no Spring. */
public final class CalendarFeed {

    static final String PRODID = "-//Methodical Support Platform//events-service//RU";

    private CalendarFeed() {}

    public static Calendar of(List<Activity> activities, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Instant dtstamp = stamp.truncatedTo(ChronoUnit.SECONDS);
        for (Activity activity : activities) {
            calendar.add(event(activity, dtstamp));
        }
        return calendar;
    }

    private static VEvent event(Activity activity, Instant stamp) {
        VEvent event = new VEvent(false);
        event.add(new Uid(activity.id() + "@msp.events"));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(activity.startsAt().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtEnd<>(activity.endsAt().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Summary(activity.title()));
        event.add(new Description(activity.kind() + ", " + activity.level() + ", " + activity.format()));
        if (activity.place() != null && !activity.place().isBlank()) {
            event.add(new Location(activity.place()));
        }
        if (activity.link() != null && !activity.link().isBlank()) {
            try {
                event.add(new Url(URI.create(activity.link())));
            } catch (IllegalArgumentException notAUri) {
                // a link that is not a URI stays out of the feed rather than breaking it
            }
        }
        event.add(
                activity.status() == ActivityStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED
                        : ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
