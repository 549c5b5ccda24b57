package ru.msp.route.teacher;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.teacher.MentorshipEnded;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherTransferred;
import ru.msp.support.store.IdChunks;
import ru.msp.support.tenancy.ScopedMongo;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantScope;

/**
 * The teacher read model (cards and mentorships). Every write is an upsert by id guarded by the time of the event it
 * comes from, or a set-union, so replays, duplicates and out-of-order events end in the same state. Several consumers
 * write one card (teachers, diagnoses, participations), each only its own fields.
 */
@Service
public class TeacherCards {

    private static final TenantScope FEED = TenantScope.system("route-service");

    private final ScopedMongo mongo;

    TeacherCards(ScopedMongo mongo) {
        this.mongo = mongo;
    }

    /**
     * The guarded card changes of one poll (facts, transfers, diagnoses), written together at its end: one read and
     * one bulk write instead of two round trips per event. One per listener call, never shared between threads.
     */
    public CardChanges changes() {
        return new CardChanges();
    }

    public final class CardChanges {

        private final List<ScopedMongo.NewerUpdate> changes = new ArrayList<>();

        void facts(DomainEvent<?> event, String teacherId, TeacherFacts facts) {
            Update update = new Update()
                    .set("regionId", event.scope().regionId())
                    .set("municipalityId", event.scope().municipalityId())
                    .set("organizationId", facts.organizationId())
                    .set("facts", facts)
                    .set("factsTime", event.time())
                    .setOnInsert("departed", false);
            guarded(teacherId, "factsTime", event, update);
        }

        void transferred(DomainEvent<TeacherTransferred> event) {
            TeacherTransferred moved = event.data();
            Update update = new Update()
                    .set("regionId", event.scope().regionId())
                    .set("municipalityId", moved.toMunicipalityId())
                    .set("organizationId", moved.toOrganizationId())
                    .set("factsTime", event.time())
                    .setOnInsert("departed", false);
            guarded(moved.teacherId(), "factsTime", event, update);
        }

        /** Keeps the newest diagnosis of the teacher, for school statistics. */
        public void diagnosed(DomainEvent<DiagnosticCompleted> event) {
            DiagnosticCompleted result = event.data();
            StaffDiagnosis diagnosis = new StaffDiagnosis(
                    result.resultId(),
                    event.scope().organizationId(),
                    result.diagnosedOn(),
                    result.period(),
                    event.time(),
                    result.competencies() == null
                            ? List.of()
                            : result.competencies().stream()
                                    .map(CompetencyResult::competencyCode)
                                    .toList(),
                    result.deficits() == null ? List.of() : result.deficits());
            Update update = new Update()
                    .set("lastDiagnosis", diagnosis)
                    .setOnInsert("regionId", event.scope().regionId())
                    .setOnInsert("municipalityId", event.scope().municipalityId())
                    .setOnInsert("organizationId", event.scope().organizationId())
                    .setOnInsert("departed", false);
            guarded(result.teacherId(), "lastDiagnosis.eventTime", event, update);
        }

        private void guarded(String teacherId, String timeField, DomainEvent<?> event, Update update) {
            changes.add(new ScopedMongo.NewerUpdate(ownerOf(event), teacherId, timeField, event.time(), update));
        }

        /** Writes what the poll's applied events changed: each change only over an older state. */
        public Mono<Void> write() {
            return Mono.defer(() -> mongo.updateEachIfNewer(FEED, List.copyOf(changes), TeacherCard.class)
                    .doOnSuccess(done -> changes.clear()));
        }
    }

    /** Departure is final in the registry: it holds whatever the order of the events. */
    Mono<Void> departed(DomainEvent<TeacherDeparted> event) {
        Update update = new Update()
                .set("departed", true)
                .setOnInsert("regionId", event.scope().regionId())
                .setOnInsert("municipalityId", event.scope().municipalityId());
        return mongo.upsert(
                FEED, ownerOf(event), query(where("_id").is(event.data().teacherId())), update, TeacherCard.class);
    }

    Mono<Void> mentorshipStarted(DomainEvent<MentorshipStarted> event) {
        MentorshipStarted started = event.data();
        Update update = new Update()
                .set("regionId", event.scope().regionId())
                .set("municipalityId", event.scope().municipalityId())
                .set("mentorId", started.mentorId())
                .set("menteeId", started.menteeId())
                .set("form", started.form())
                .setOnInsert("ended", false);
        return mongo.upsert(
                FEED, ownerOf(event), query(where("_id").is(started.mentorshipId())), update, Mentorship.class);
    }

    Mono<Void> mentorshipEnded(DomainEvent<MentorshipEnded> event) {
        Update update = new Update()
                .set("ended", true)
                .setOnInsert("regionId", event.scope().regionId())
                .setOnInsert("municipalityId", event.scope().municipalityId());
        return mongo.upsert(
                FEED, ownerOf(event), query(where("_id").is(event.data().mentorshipId())), update, Mentorship.class);
    }

    /** Remembers an attended activity (a set: repeating it changes nothing). */
    public Mono<Void> attended(DomainEvent<?> event, String teacherId, Participation participation) {
        return participation(event, teacherId, "attended", participation);
    }

    /** Remembers a completed course (a set). */
    public Mono<Void> completedCourse(DomainEvent<?> event, String teacherId, Participation participation) {
        return participation(event, teacherId, "completedCourses", participation);
    }

    private Mono<Void> participation(
            DomainEvent<?> event, String teacherId, String field, Participation participation) {
        Update update = new Update()
                .addToSet(field, participation)
                .setOnInsert("regionId", event.scope().regionId())
                .setOnInsert("municipalityId", event.scope().municipalityId())
                .setOnInsert("departed", false);
        return mongo.upsert(FEED, ownerOf(event), query(where("_id").is(teacherId)), update, TeacherCard.class);
    }

    private static TenantKey ownerOf(DomainEvent<?> event) {
        return TenantKey.municipality(event.scope().regionId(), event.scope().municipalityId());
    }

    public Mono<TeacherCard> card(String teacherId) {
        return mongo.findById(FEED, teacherId, TeacherCard.class);
    }

    /** The cards of these teachers (those that have one), with one query. */
    public Flux<TeacherCard> cards(java.util.Collection<String> teacherIds) {
        return mongo.findByIds(FEED, teacherIds, TeacherCard.class);
    }

    /** The cards of a school's staff (registry organisation, or the organisation of their latest diagnosis). */
    public Flux<TeacherCard> staffOf(String organizationId) {
        return mongo.find(
                        FEED,
                        query(new Criteria()
                                .orOperator(
                                        where("organizationId").is(organizationId),
                                        where("lastDiagnosis.organizationId").is(organizationId))),
                        TeacherCard.class)
                .filter(card -> !card.departed() && organizationId.equals(card.schoolId()));
    }

    /**
     * Whether the teacher is a mentee of a pair that has not ended. One document looked up rather than counted: a
     * count is an aggregation, which the embedded store answers by reading the whole collection.
     */
    public Mono<Boolean> hasMentor(String teacherId) {
        return mongo.findOne(
                        FEED, query(where("menteeId").is(teacherId).and("ended").is(false)), Mentorship.class)
                .hasElement();
    }

    /** Those of the teachers who are mentees of a pair that has not ended ({@code menteeId $in}, in chunks). */
    public Flux<String> menteesAmong(Collection<String> teacherIds) {
        return Flux.fromIterable(IdChunks.of(teacherIds))
                .concatMap(chunk -> {
                    Query mentees =
                            query(where("menteeId").in(chunk).and("ended").is(false));
                    mentees.fields().include("menteeId");
                    return mongo.findDocuments(FEED, mentees, Mentorship.class);
                })
                .map(pair -> pair.getString("menteeId"));
    }

    /** Working mentors of the region with their current load. */
    public Flux<MentorCandidate> mentorsOfRegion(String regionId) {
        return mongo.find(
                        FEED,
                        query(where("regionId")
                                        .is(regionId)
                                        .and("departed")
                                        .is(false)
                                        .and("facts.targetGroups")
                                        .is(TargetGroup.MENTOR.name()))
                                .with(Sort.by("_id")),
                        TeacherCard.class)
                .filter(TeacherCard::mentor)
                .collectList()
                .flatMapMany(this::withLoad);
    }

    private Flux<MentorCandidate> withLoad(List<TeacherCard> mentors) {
        if (mentors.isEmpty()) {
            return Flux.empty();
        }
        List<String> ids = mentors.stream().map(TeacherCard::teacherId).toList();
        return mongo.find(FEED, query(where("mentorId").in(ids).and("ended").is(false)), Mentorship.class)
                .collectList()
                .flatMapMany(pairs -> {
                    Map<String, Integer> load = new HashMap<>();
                    pairs.forEach(pair -> load.merge(pair.mentorId(), 1, Integer::sum));
                    return Flux.fromIterable(mentors)
                            .map(card -> new MentorCandidate(
                                    card.teacherId(),
                                    card.organizationId(),
                                    card.municipalityId(),
                                    card.subjects(),
                                    load.getOrDefault(card.teacherId(), 0)));
                });
    }

    /** Working mentors of a municipality the caller may see, with their current load, for methodists. */
    public Flux<MentorCandidate> mentorsOfMunicipality(TenantScope scope, String municipalityId) {
        return mongo.find(
                        scope,
                        query(where("municipalityId")
                                        .is(municipalityId)
                                        .and("departed")
                                        .is(false))
                                .with(Sort.by("_id")),
                        TeacherCard.class)
                .filter(TeacherCard::mentor)
                .collectList()
                .flatMapMany(this::withLoad);
    }

    /** Cards the caller may see whose facts are known, e.g. to find a school's leader. */
    public Flux<TeacherCard> ofSchool(String organizationId, String position) {
        return staffOf(organizationId)
                .filter(card ->
                        card.facts() != null && position.equals(card.facts().position()));
    }
}
