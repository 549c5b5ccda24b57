package ru.msp.route.route;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import ru.msp.route.offer.Offer;

/** A route as the API shows it: state, steps with why and (for one route) the offer's current facts, effect. */
public record RouteView(
        String id,
        String teacherId,
        String regionId,
        String municipalityId,
        String organizationId,
        int number,
        String status,
        String frameworkVersion,
        String openedByResultId,
        List<String> appliedResultIds,
        String tutorId,
        LocalDate dueDate,
        LocalDate nextDueDate,
        boolean stalled,
        int progress,
        List<RouteDeficit> deficits,
        List<StepView> steps,
        List<CompetencyEffect> effect,
        String approvedBy,
        Instant approvedAt,
        LocalDate completedOn,
        String cancelReason,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * @param offer the activity as the offers read model knows it now (dates, format, seats, cancelled); null in
     *     lists and for mentors and self-study
     */
    public record StepView(
            String stepId,
            String competencyCode,
            String severity,
            String offerKind,
            String offerId,
            List<String> practiceIds,
            String rule,
            String frameworkVersion,
            LocalDate dueDate,
            boolean overdue,
            int fit,
            String why,
            String addedByResultId,
            String status,
            String completedBy,
            LocalDate completedOn,
            String comment,
            OfferNow offer) {}

    public record OfferNow(
            String kind,
            String format,
            Instant startsAt,
            Instant endsAt,
            Integer seatsLeft,
            boolean federalRegistry,
            boolean cancelled) {}

    static RouteView of(Route route, LocalDate today, Map<String, Offer> offers) {
        List<StepView> steps = route.steps().stream()
                .map(s -> new StepView(
                        s.stepId(),
                        s.competencyCode(),
                        s.severity() == null ? null : s.severity().name(),
                        s.offerKind(),
                        s.offerId(),
                        s.practiceIds(),
                        s.rule(),
                        s.frameworkVersion(),
                        s.dueDate(),
                        route.open()
                                && Step.OPEN.equals(s.status())
                                && s.dueDate() != null
                                && s.dueDate().isBefore(today),
                        s.fit(),
                        s.why(),
                        s.addedByResultId(),
                        s.status(),
                        s.completedBy(),
                        s.completedOn(),
                        s.comment(),
                        offerNow(s.offerId() == null ? null : offers.get(s.offerId()))))
                .toList();
        return new RouteView(
                route.id(),
                route.teacherId(),
                route.regionId(),
                route.municipalityId(),
                route.organizationId(),
                route.number(),
                route.status(),
                route.frameworkVersion(),
                route.openedByResultId(),
                route.appliedResultIds(),
                route.tutorId(),
                route.dueDate(),
                route.nextDueDate(),
                route.stalled(today),
                route.progress(),
                route.deficits(),
                steps,
                route.effect(),
                route.approvedBy(),
                route.approvedAt(),
                route.completedOn(),
                route.cancelReason(),
                route.createdAt(),
                route.updatedAt());
    }

    private static OfferNow offerNow(Offer offer) {
        if (offer == null || offer.facts() == null) {
            return null;
        }
        return new OfferNow(
                offer.facts().kind(),
                offer.facts().format(),
                offer.facts().startsAt(),
                offer.facts().endsAt(),
                offer.freeSeats(),
                offer.facts().federalRegistry(),
                offer.cancelled());
    }
}
