package ru.msp.activities.calendar;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.StringWriter;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.informing.Informed;
import ru.msp.activities.informing.Informer;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * {@code GET /api/activities/calendar.ics}: a municipality's activities ({@code ?municipalityId=}), or a teacher's
 * ({@code ?teacherId=}: those they registered for or were informed about). Drafts never appear; cancelled ones
 * appear with {@code STATUS:CANCELLED} so subscribed calendars drop them.
 */
@RestController
class CalendarHandler {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    private static final TenantScope SELF = TenantScope.system("events-service");
    private static final List<ActivityStatus> SHOWN =
            List.of(ActivityStatus.PUBLISHED, ActivityStatus.FINISHED, ActivityStatus.CANCELLED);

    private final ScopedMongo mongo;
    private final TeacherDirectory directory;
    private final Informer informer;
    private final Clock clock = Clock.systemUTC();

    CalendarHandler(ScopedMongo mongo, TeacherDirectory directory, Informer informer) {
        this.mongo = mongo;
        this.directory = directory;
        this.informer = informer;
    }

    @GetMapping("/api/activities/calendar.ics")
    Mono<ResponseEntity<String>> calendar(
            @RequestParam(required = false) String municipalityId, @RequestParam(required = false) String teacherId) {
        if ((municipalityId == null) == (teacherId == null)) {
            return Mono.error(RequestRejectedException.invalid(
                    List.of(FieldProblem.of("municipalityId", "give either municipalityId or teacherId"))));
        }
        return TenantScope.current()
                .flatMap(scope ->
                        municipalityId != null ? ofMunicipality(scope, municipalityId) : ofTeacher(scope, teacherId))
                .map(activities -> {
                    StringWriter out = new StringWriter();
                    try {
                        new CalendarOutputter(true).output(CalendarFeed.of(activities, clock.instant()), out);
                    } catch (Exception invalid) {
                        throw new IllegalStateException("calendar failed RFC 5545 validation", invalid);
                    }
                    return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(out.toString());
                });
    }

    private Mono<List<Activity>> ofMunicipality(TenantScope scope, String municipalityId) {
        // the caller's scope filters: another municipality's feed is simply empty
        return mongo.find(
                        scope,
                        query(where("municipalityId")
                                        .is(municipalityId)
                                        .and("status")
                                        .in(SHOWN))
                                .with(Sort.by("startsAt", "_id")),
                        Activity.class)
                .collectList();
    }

    private Flux<Activity> find(Criteria criteria) {
        return mongo.find(SELF, query(criteria), Activity.class);
    }

    private Mono<List<Activity>> ofTeacher(TenantScope scope, String teacherId) {
        return directory
                .byId(teacherId)
                .filter(teacher -> scope.mayWrite(teacher.tenantKey())) // who may act for the teacher sees their feed
                .switchIfEmpty(Mono.error(() -> RequestRejectedException.notFound("Teacher " + teacherId)))
                .flatMap(teacher -> informer.ofTeacher(teacherId)
                        .map(Informed::activityId)
                        .collectList()
                        .flatMap(informed -> {
                            // three plain queries merged here rather than one $or (kept simple for the embedded store)
                            Set<String> ids = new HashSet<>(informed);
                            return Flux.concat(
                                            find(where("_id").in(ids)),
                                            find(where("registered").is(teacherId)),
                                            find(where("waitlist").is(teacherId)))
                                    .filter(a -> SHOWN.contains(a.status()))
                                    .collectMap(Activity::id)
                                    .map(byId -> byId.values().stream()
                                            .sorted(Comparator.comparing(Activity::startsAt)
                                                    .thenComparing(Activity::id))
                                            .toList());
                        }));
    }
}
