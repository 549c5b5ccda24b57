package ru.msp.activities.informing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.activities.activity.Activity;
import ru.msp.activities.activity.ActivityPlanner;
import ru.msp.activities.activity.ActivityStatus;
import ru.msp.activities.teacher.AudienceMember;
import ru.msp.activities.teacher.TeacherDirectory;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.support.outbox.Outbox;
import ru.msp.support.outbox.OutboxRelay;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantScope;

/**
 * Informs the audience of a published activity: one {@link Informed} record with its {@code TeacherInformed} event
 * per teacher. Runs from the activity's own {@code ActivityPublished}/{@code ActivityChanged} events, so a crash
 * after publishing only delays informing; re-running it informs only those not informed yet.
 */
@Service
public class Informer {

    private static final TenantScope SELF = TenantScope.system("events-service");

    private final ScopedMongo mongo;
    private final OutboxRelay relay;
    private final TeacherDirectory directory;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    Informer(ScopedMongo mongo, OutboxRelay relay, TeacherDirectory directory, MeterRegistry meters) {
        this.mongo = mongo;
        this.relay = relay;
        this.directory = directory;
        this.meters = meters;
    }

    /** Informs every teacher of the audience not informed yet; the count of teachers newly informed. */
    public Mono<Long> inform(String activityId) {
        return mongo.findById(SELF, activityId, Activity.class)
                .filter(activity -> activity.status() == ActivityStatus.PUBLISHED)
                .flatMapMany(activity -> {
                    String[] where = Audience.territory(activity);
                    return directory
                            .within(where[0], where[1], where[2])
                            .filter(teacher -> Audience.includes(activity, teacher))
                            .concatMap(teacher -> inform(activity, teacher));
                })
                .count();
    }

    /**
     * Informs each teacher of the published activities still ahead that are meant for them (teachers who joined,
     * moved or changed position after the activities were published). A region's upcoming activities are read once for
     * all its teachers of the call. The count of records newly written.
     */
    public Mono<Long> informTeachers(List<AudienceMember> members) {
        Instant now = clock.instant();
        Map<String, List<AudienceMember>> byRegion = members.stream()
                .filter(AudienceMember::active)
                .collect(Collectors.groupingBy(AudienceMember::regionId, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byRegion.entrySet())
                .concatMap(region -> mongo.find(
                                SELF,
                                query(where("regionId")
                                        .is(region.getKey())
                                        .and("status")
                                        .is(ActivityStatus.PUBLISHED)
                                        .and("endsAt")
                                        .gt(now)),
                                Activity.class)
                        .collectList()
                        .flatMapMany(upcoming -> Flux.fromIterable(region.getValue())
                                .concatMap(teacher -> Flux.fromIterable(upcoming)
                                        .filter(activity -> Audience.includes(activity, teacher))
                                        .concatMap(activity -> inform(activity, teacher)))))
                .count();
    }

    private Mono<Informed> inform(Activity activity, AudienceMember teacher) {
        Informed record = new Informed(
                Informed.idOf(activity.id(), teacher.id()),
                activity.id(),
                teacher.id(),
                teacher.regionId(),
                teacher.municipalityId(),
                teacher.organizationId(),
                clock.instant(),
                List.of());
        return ActivityPlanner.event(
                        new EventScope(teacher.regionId(), teacher.municipalityId(), teacher.organizationId()),
                        EventCatalog.TEACHER_INFORMED,
                        new TeacherInformed(activity.id(), teacher.id(), record.informedAt()))
                .flatMap(event -> mongo.insert(
                        SELF,
                        new Informed(
                                record.id(),
                                record.activityId(),
                                record.teacherId(),
                                record.regionId(),
                                record.municipalityId(),
                                record.organizationId(),
                                record.informedAt(),
                                Outbox.with(List.of(), event))))
                .doOnNext(saved -> {
                    relay.nudge(Informed.COLLECTION, saved.id());
                    meters.counter("msp_teachers_informed_total").increment();
                })
                .onErrorResume(DuplicateKeyException.class, alreadyInformed -> Mono.empty());
    }

    public Flux<Informed> ofActivity(String activityId) {
        return mongo.find(SELF, query(where("activityId").is(activityId)).with(Sort.by("_id")), Informed.class);
    }

    public Flux<Informed> ofTeacher(String teacherId) {
        return mongo.find(SELF, query(where("teacherId").is(teacherId)), Informed.class);
    }
}
