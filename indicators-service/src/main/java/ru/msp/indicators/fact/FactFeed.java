package ru.msp.indicators.fact;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.activities.ActivityChanged;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.activities.ActivityPublished;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CompetitionResultRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.activities.PracticeApproved;
import ru.msp.contracts.activities.TeacherInformed;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.routes.RecommendationIssued;
import ru.msp.contracts.routes.RouteApproved;
import ru.msp.contracts.routes.RouteCancelled;
import ru.msp.contracts.routes.RouteCompleted;
import ru.msp.contracts.teacher.MembershipChanged;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.OrganizationUpdated;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.contracts.teacher.TeacherUpdated;
import ru.msp.indicators.value.IndicatorRules;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;

/**
 * Turns the events of {@code teacher.v1}, {@code diagnostics.v1}, {@code routes.v1} and {@code activities.v1} into
 * fact changes. Effects that span documents (an activity's facts reaching the marks that name it, a mentoring pair
 * reaching its mentor, mentee and school, a leader's courses reaching the organisation) are each idempotent, so a
 * redelivery after a crash half-way repeats them harmlessly.
 */
@Service
public class FactFeed {

    private final FactStore facts;
    private final ScopedMongo mongo;

    FactFeed(FactStore facts, ScopedMongo mongo) {
        this.facts = facts;
        this.mongo = mongo;
    }

    /**
     * Reads the facts the events are about (the teacher or organisation each names) with one query per kind, for the
     * poll in the context ({@link FactsToDrain}); each event's change then needs no read of its own.
     */
    public Mono<Void> preload(List<DomainEvent<?>> events) {
        Set<String> teachers = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        for (DomainEvent<?> event : events) {
            Object data = event.data();
            if (data instanceof OrganizationRegistered o) {
                organizations.add(o.organizationId());
            } else if (data instanceof OrganizationUpdated o) {
                organizations.add(o.organizationId());
            } else {
                String teacher = teacherOf(data);
                if (teacher != null) {
                    teachers.add(teacher);
                }
            }
        }
        return facts.preload(teachers, organizations);
    }

    /**
     * Whether the event can change a fact: the others ({@code RouteSuggested}, {@code UnmetNeedRecorded}, step
     * changes, registrations, feedback, territories …, most of {@code routes.v1}) are left to the consumer's ignoring.
     */
    public static boolean concerns(DomainEvent<?> event) {
        Object data = event.data();
        return teacherOf(data) != null
                || data instanceof OrganizationRegistered
                || data instanceof OrganizationUpdated
                || data instanceof MentorshipStarted
                || data instanceof MentorshipEnded
                || data instanceof ActivityPublished
                || data instanceof ActivityChanged
                || data instanceof PracticeApproved;
    }

    /** The teacher whose facts an event changes directly, if it names one. */
    private static String teacherOf(Object data) {
        if (data instanceof TeacherRegistered t) {
            return t.teacherId();
        } else if (data instanceof TeacherUpdated t) {
            return t.teacherId();
        } else if (data instanceof TeacherTransferred t) {
            return t.teacherId();
        } else if (data instanceof TeacherDeparted t) {
            return t.teacherId();
        } else if (data instanceof MembershipChanged m) {
            return m.teacherId();
        } else if (data instanceof DiagnosticCompleted d) {
            return d.teacherId();
        } else if (data instanceof RouteApproved r) {
            return r.teacherId();
        } else if (data instanceof RouteCompleted r) {
            return r.teacherId();
        } else if (data instanceof RouteCancelled r) {
            return r.teacherId();
        } else if (data instanceof RecommendationIssued r) {
            return r.teacherId();
        } else if (data instanceof AttendanceRecorded a) {
            return a.teacherId();
        } else if (data instanceof CourseCompleted c) {
            return c.teacherId();
        } else if (data instanceof CompetitionResultRecorded c) {
            return c.teacherId();
        } else if (data instanceof TeacherInformed i) {
            return i.teacherId();
        }
        return null;
    }

    public Mono<Void> apply(DomainEvent<?> e) {
        Object data = e.data();
        if (data instanceof OrganizationRegistered o) {
            return organization(o.organizationId(), f -> FactChanges.organization(f, e, o.type(), o.flags()));
        }
        if (data instanceof OrganizationUpdated o) {
            return organization(o.organizationId(), f -> FactChanges.organization(f, e, o.type(), o.flags()));
        }
        if (data instanceof TeacherRegistered t) {
            return teacher(t.teacherId(), e, f -> FactChanges.profile(f, e, t.facts()));
        }
        if (data instanceof TeacherUpdated t) {
            return teacher(t.teacherId(), e, f -> FactChanges.profile(f, e, t.facts()));
        }
        if (data instanceof TeacherTransferred t) {
            return teacher(
                    t.teacherId(), e, f -> FactChanges.transferred(f, e, t.toOrganizationId(), t.toMunicipalityId()));
        }
        if (data instanceof TeacherDeparted t) {
            LocalDate on = t.effectiveDate() != null ? t.effectiveDate() : FactChanges.dateOf(e.time());
            return teacher(t.teacherId(), e, f -> FactChanges.departed(f, on));
        }
        if (data instanceof MembershipChanged m) {
            return teacher(m.teacherId(), e, f -> FactChanges.membership(f, e, m));
        }
        if (data instanceof MentorshipStarted m) {
            return mentorship(
                    m.mentorshipId(),
                    old -> FactChanges.mentorshipStarted(
                            old, m.mentorshipId(), e, m.mentorId(), m.menteeId(), m.form(), m.startDate()));
        }
        if (data instanceof MentorshipEnded m) {
            LocalDate end = m.endDate() != null ? m.endDate() : FactChanges.dateOf(e.time());
            return mentorship(m.mentorshipId(), old -> FactChanges.mentorshipEnded(old, m.mentorshipId(), e, end));
        }
        if (data instanceof DiagnosticCompleted d) {
            return teacher(d.teacherId(), e, f -> FactChanges.diagnosed(f, e, d));
        }
        if (data instanceof RouteApproved r) {
            return teacher(r.teacherId(), e, f -> FactChanges.routeApproved(f, e, r.routeId(), r.dueDate()));
        }
        if (data instanceof RouteCompleted r) {
            LocalDate on = r.completedOn() != null ? r.completedOn() : FactChanges.dateOf(e.time());
            return teacher(r.teacherId(), e, f -> FactChanges.routeCompleted(f, r.routeId(), on));
        }
        if (data instanceof RouteCancelled r) {
            return teacher(r.teacherId(), e, f -> FactChanges.routeCancelled(f, e, r.routeId()));
        }
        if (data instanceof RecommendationIssued r && r.teacherId() != null) {
            return teacher(r.teacherId(), e, f -> FactChanges.recommended(f, e, r));
        }
        if (data instanceof ActivityPublished a) {
            return activity(e, a.activityId(), a.facts());
        }
        if (data instanceof ActivityChanged a) {
            return activity(e, a.activityId(), a.facts());
        }
        if (data instanceof AttendanceRecorded a) {
            return withActivity(
                    a.activityId(), ref -> teacher(a.teacherId(), e, f -> FactChanges.attended(f, e, a, ref)));
        }
        if (data instanceof CourseCompleted c) {
            return withActivity(
                    c.activityId(), ref -> teacher(c.teacherId(), e, f -> FactChanges.courseCompleted(f, e, c, ref)));
        }
        if (data instanceof CompetitionResultRecorded c) {
            return withActivity(
                    c.activityId(), ref -> teacher(c.teacherId(), e, f -> FactChanges.competed(f, e, c, ref)));
        }
        if (data instanceof TeacherInformed i) {
            return withActivity(
                    i.activityId(), ref -> teacher(i.teacherId(), e, f -> FactChanges.informed(f, e, i, ref)));
        }
        if (data instanceof PracticeApproved p) {
            String org =
                    p.organizationId() != null ? p.organizationId() : e.scope().organizationId();
            Mono<Void> organization = org == null
                    ? Mono.empty()
                    : organization(
                            org,
                            f -> FactChanges.practicePresented(
                                    FactChanges.provisionallyPlaced(f, e), e, p.practiceId()));
            List<String> authors = p.authorTeacherIds() == null ? List.of() : p.authorTeacherIds();
            return organization.then(Flux.fromIterable(authors)
                    .concatMap(author -> teacher(author, e, f -> FactChanges.authoredPractice(f, e, p.practiceId())))
                    .then());
        }
        return Mono.empty();
    }

    private Mono<Void> organization(String id, UnaryOperator<OrganizationFact> change) {
        return facts.organization(id, change).then();
    }

    /**
     * A teacher's change; then the organisations' copy of a manager's course years follows it (old and new
     * organisation when the teacher moved).
     */
    private Mono<Void> teacher(String id, DomainEvent<?> e, UnaryOperator<TeacherFact> change) {
        return facts.teacher(id, f -> change.apply(FactChanges.provisionallyPlaced(f, e)))
                .flatMap(changed -> {
                    TeacherFact before = changed.before();
                    TeacherFact after = changed.after();
                    List<String> was = IndicatorRules.courseYears(before);
                    List<String> is = IndicatorRules.courseYears(after);
                    Mono<Void> leftOld = before.organizationId() != null
                                    && !was.isEmpty()
                                    && !before.organizationId().equals(after.organizationId())
                            ? organization(before.organizationId(), f -> FactChanges.leaderTrained(f, id, List.of()))
                            : Mono.empty();
                    boolean matters = !is.isEmpty() || !was.isEmpty();
                    Mono<Void> current = after.organizationId() != null && matters
                            ? organization(after.organizationId(), f -> FactChanges.leaderTrained(f, id, is))
                            : Mono.empty();
                    return leftOld.then(current);
                });
    }

    private Mono<Void> withActivity(String activityId, java.util.function.Function<ActivityRef, Mono<Void>> then) {
        return mongo.findById(FactStore.SYSTEM, activityId, ActivityRef.class)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(ref -> then.apply(ref.orElse(null)));
    }

    /** Keeps the newest facts of an activity, then brings them into the marks that name it. */
    private Mono<Void> activity(DomainEvent<?> e, String activityId, ActivityFacts a) {
        Instant at = FactChanges.stamp(e.time());
        Criteria olderOrAbsent = where("_id")
                .is(activityId)
                .orOperator(where("at").lt(at), where("at").exists(false));
        Update update = new Update()
                .set("regionId", e.scope().regionId())
                .set("municipalityId", e.scope().municipalityId())
                .set("kind", a.kind())
                .set("level", a.level())
                .set("federalRegistry", a.federalRegistry())
                .set("competencyCodes", a.competencyCodes() == null ? List.of() : a.competencyCodes())
                .set("at", at);
        TenantKey owner = TenantKey.municipality(e.scope().regionId(), e.scope().municipalityId());
        return mongo.upsert(FactStore.SYSTEM, owner, query(olderOrAbsent), update, ActivityRef.class)
                .onErrorResume(DuplicateKeyException.class, newerKept -> Mono.empty())
                .then(mongo.findById(FactStore.SYSTEM, activityId, ActivityRef.class))
                .flatMapMany(ref -> facts.teachersOfActivity(activityId)
                        .concatMap(t -> facts.teacher(t.id(), f -> FactChanges.activityKnown(f, ref))))
                .then();
    }

    /** Merges the pair, then copies it into the mentor's, the mentee's and the organisation's facts. */
    private Mono<Void> mentorship(String id, UnaryOperator<MentorshipFact> merge) {
        return mongo.findById(FactStore.SYSTEM, id, MentorshipFact.class)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(old -> {
                    MentorshipFact merged = merge.apply(old.orElse(null));
                    if (old.isPresent() && old.get().equals(merged)) {
                        return Mono.just(merged);
                    }
                    return mongo.save(FactStore.SYSTEM, merged);
                })
                .flatMap(m -> {
                    if (m.startDate() == null) {
                        return Mono.empty(); // ended before started arrived: the start brings it in
                    }
                    boolean schools = "SCHOOL_SCHOOL".equals(m.form());
                    Mono<Void> people = schools
                            ? Mono.empty()
                            : Flux.concat(
                                            person(m.mentorId(), m.asRole("MENTOR")),
                                            person(m.menteeId(), m.asRole("MENTEE")))
                                    .then();
                    Flux<String> organizations = schools
                            ? Flux.fromIterable(java.util.stream.Stream.of(m.mentorId(), m.menteeId())
                                    .filter(Objects::nonNull)
                                    .toList())
                            : Flux.fromIterable(java.util.stream.Stream.of(m.organizationId())
                                    .filter(Objects::nonNull)
                                    .toList());
                    return people.then(organizations
                            .concatMap(org -> organization(org, f -> FactChanges.mentoring(f, m.asRole("PAIR"))))
                            .then());
                });
    }

    private Mono<Void> person(String teacherId, TeacherFact.Mentoring mentoring) {
        return teacherId == null
                ? Mono.empty()
                : facts.teacher(teacherId, f -> FactChanges.mentoring(f, mentoring))
                        .then();
    }
}
