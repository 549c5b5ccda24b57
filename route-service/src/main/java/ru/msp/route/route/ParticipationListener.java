package ru.msp.route.route;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.activities.ActivityCancelled;
import ru.msp.contracts.activities.AttendanceRecorded;
import ru.msp.contracts.activities.CourseCompleted;
import ru.msp.contracts.teacher.MentorshipStarted;
import ru.msp.contracts.teacher.TeacherDeparted;
import ru.msp.route.offer.OfferCatalogue;
import ru.msp.route.teacher.Participation;
import ru.msp.route.teacher.TeacherCards;
import ru.msp.support.consumer.IdempotentConsumer;

/**
 * Completes route steps from participation ({@code activities.v1}: attendance, course completion) and mentoring
 * ({@code teacher.v1}: a pair started), re-plans steps whose activity was cancelled, and cancels the open route of a
 * teacher who departed. Participation is remembered on the teacher's card first, so that a route
 * suggested later still counts it.
 */
@Component
class ParticipationListener {

    private final IdempotentConsumer consumer;
    private final TeacherCards cards;
    private final RouteBook book;
    private final OfferCatalogue offers;

    ParticipationListener(IdempotentConsumer consumer, TeacherCards cards, RouteBook book, OfferCatalogue offers) {
        this.consumer = consumer;
        this.cards = cards;
        this.book = book;
        this.offers = offers;
    }

    @KafkaListener(topics = "activities.v1", groupId = "route-service.participation")
    void onActivity(List<ConsumerRecord<String, String>> records) {
        consumer.handleOnly(
                records, "route-participation", ParticipationListener::participationConcerns, this::participation);
    }

    @KafkaListener(topics = "teacher.v1", groupId = "route-service.mentoring")
    void onTeacher(List<ConsumerRecord<String, String>> records) {
        consumer.handleOnly(records, "route-mentoring", ParticipationListener::mentoringConcerns, this::mentoring);
    }

    /** Cancellations, attendance and course completions: what completes or re-plans a step. */
    static boolean participationConcerns(DomainEvent<?> event) {
        Object data = event.data();
        return data instanceof ActivityCancelled
                || (data instanceof AttendanceRecorded attendance && attendance.attended())
                || data instanceof CourseCompleted;
    }

    /** A mentoring pair between teachers, and a departure; the other teacher events leave routes alone. */
    static boolean mentoringConcerns(DomainEvent<?> event) {
        Object data = event.data();
        return (data instanceof MentorshipStarted started && !"SCHOOL_SCHOOL".equals(started.form()))
                || data instanceof TeacherDeparted;
    }

    @SuppressWarnings("unchecked")
    private Mono<?> participation(DomainEvent<?> event) {
        if (event.data() instanceof ActivityCancelled cancelled) {
            // the offers consumer marks it too; marking it here first keeps the re-plan from choosing it again
            return offers.cancel((DomainEvent<ActivityCancelled>) event)
                    .thenMany(book.activityCancelled(event, cancelled.activityId()))
                    .then();
        }
        if (event.data() instanceof AttendanceRecorded attendance && attendance.attended()) {
            Participation p = new Participation(attendance.activityId(), attendance.date());
            return cards.attended(event, attendance.teacherId(), p)
                    .then(book.participated(
                            event, attendance.teacherId(), attendance.activityId(), "ATTENDANCE", attendance.date()));
        }
        if (event.data() instanceof CourseCompleted completion) {
            Participation p = new Participation(completion.activityId(), completion.completedOn());
            return cards.completedCourse(event, completion.teacherId(), p)
                    .then(book.participated(
                            event,
                            completion.teacherId(),
                            completion.activityId(),
                            "COURSE_COMPLETION",
                            completion.completedOn()));
        }
        return Mono.empty();
    }

    private Mono<?> mentoring(DomainEvent<?> event) {
        if (event.data() instanceof MentorshipStarted started && !"SCHOOL_SCHOOL".equals(started.form())) {
            return book.mentored(event, started.menteeId(), started.mentorId(), started.startDate());
        }
        if (event.data() instanceof TeacherDeparted departed) {
            return book.departed(event, departed.teacherId());
        }
        return Mono.empty();
    }
}
