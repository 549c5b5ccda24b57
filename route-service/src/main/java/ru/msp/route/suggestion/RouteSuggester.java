package ru.msp.route.suggestion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.route.offer.Offer;
import ru.msp.route.offer.Practice;
import ru.msp.route.teacher.MentorCandidate;

/**
 * Chooses the steps of an individual route from deficits and the offers read model (DESIGN.md "Individual routes").
 *
 * <p>An offer is <b>eligible</b> for a deficit only if it is published and not cancelled, covers the competency,
 * starts after now, has a seat left (or no limit), is in the teacher's region, is open to the teacher's position (when
 * it names positions), is not a competition, and — if it is a school-level activity — is run by the teacher's own
 * school. A full or past activity is therefore never suggested.
 *
 * <p>Eligible offers are <b>ranked</b> by a fit score: own municipality +30 (region otherwise); a target group of the
 * teacher +20, open to everyone +5; the position named +5; for a pronounced deficit a federal-registry course +40,
 * another course +10; for a partial deficit a short activity (not a course) +10; remote or mixed format from another
 * municipality +5, in person in another municipality -10; starting within 30 days +10, within 90 days +5. Ties go to
 * the earlier start, then the id.
 *
 * <p><b>Rules</b> (recorded on each step): a pronounced deficit gets the best course
 * ({@value #PRONOUNCED_FR_COURSE} or {@value #PRONOUNCED_COURSE}) and the best practical activity
 * ({@value #PRONOUNCED_PRACTICAL}); a partial deficit the single best offer ({@value #PARTIAL_TARGETED}); a deficit
 * with no eligible offer a self-study step with up to three practices of the bank on the competency
 * ({@value #NO_OFFER_SELF_STUDY}) and counts as unmet; a young specialist (under 35, first three years) without a
 * mentor gets one mentor step ({@value #YOUNG_SPECIALIST_MENTOR}): a working mentor of the same subject, from the same
 * school first, else the same municipality, with fewer than {@value #MENTOR_LOAD_LIMIT} active mentees (the load
 * limit: a mentor keeps time for each mentee), the least loaded first.
 *
 * <p><b>Due dates</b>: an activity's end date (its start date if it has no end); self-study 90 days ahead for a
 * pronounced deficit, 60 for a partial one; the mentor step 30 days ahead (the pair should be formed within a month).
 */
public final class RouteSuggester {

    public static final String PRONOUNCED_FR_COURSE = "PRONOUNCED_DEFICIT_FEDERAL_REGISTRY_COURSE";
    public static final String PRONOUNCED_COURSE = "PRONOUNCED_DEFICIT_COURSE";
    public static final String PRONOUNCED_PRACTICAL = "PRONOUNCED_DEFICIT_PRACTICAL_ACTIVITY";
    public static final String PARTIAL_TARGETED = "PARTIAL_DEFICIT_TARGETED_ACTIVITY";
    public static final String NO_OFFER_SELF_STUDY = "NO_OFFER_SELF_STUDY";
    public static final String YOUNG_SPECIALIST_MENTOR = "YOUNG_SPECIALIST_MENTOR";

    /** Active mentees a mentor may have before they are no longer suggested. */
    public static final int MENTOR_LOAD_LIMIT = 3;

    static final int SELF_STUDY_DAYS_PRONOUNCED = 90;
    static final int SELF_STUDY_DAYS_PARTIAL = 60;
    static final int MENTOR_DAYS = 30;
    static final int PRACTICES_PER_STEP = 3;

    private record Ranked(Offer offer, int fit, List<String> reasons) {}

    /**
     * Steps for {@code deficits}.
     *
     * @param mentorWanted false when the route already has a mentor step
     */
    public Suggestion suggest(
            Learner learner,
            List<Deficit> deficits,
            String frameworkVersion,
            List<Offer> offers,
            List<Practice> practices,
            List<MentorCandidate> mentors,
            boolean mentorWanted,
            Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<PlannedStep> steps = new ArrayList<>();
        List<Deficit> unmet = new ArrayList<>();
        for (Deficit deficit : deficits) {
            List<Ranked> ranked = offers.stream()
                    .filter(offer -> eligible(offer, learner, deficit.competencyCode(), now))
                    .map(offer -> rank(offer, learner, deficit.severity(), now))
                    .sorted(Comparator.comparingInt(Ranked::fit)
                            .reversed()
                            .thenComparing(r -> r.offer().facts().startsAt())
                            .thenComparing(r -> r.offer().activityId()))
                    .toList();
            List<PlannedStep> chosen = new ArrayList<>();
            if (deficit.severity() == DeficitSeverity.PRONOUNCED) {
                ranked.stream()
                        .filter(r -> isCourse(r.offer()))
                        .findFirst()
                        .ifPresent(r -> chosen.add(step(
                                deficit,
                                r,
                                r.offer().facts().federalRegistry() ? PRONOUNCED_FR_COURSE : PRONOUNCED_COURSE,
                                frameworkVersion)));
                ranked.stream()
                        .filter(r -> !isCourse(r.offer()))
                        .findFirst()
                        .ifPresent(r -> chosen.add(step(deficit, r, PRONOUNCED_PRACTICAL, frameworkVersion)));
            } else {
                ranked.stream()
                        .findFirst()
                        .ifPresent(r -> chosen.add(step(deficit, r, PARTIAL_TARGETED, frameworkVersion)));
            }
            if (chosen.isEmpty()) {
                chosen.add(selfStudy(deficit, learner, practices, frameworkVersion, today));
                unmet.add(deficit);
            }
            steps.addAll(chosen);
        }
        if (mentorWanted && !deficits.isEmpty() && !learner.hasMentor() && learner.youngSpecialist(today)) {
            mentor(learner, mentors)
                    .ifPresent(mentor -> steps.add(mentorStep(learner, mentor, deficits, frameworkVersion, today)));
        }
        return new Suggestion(List.copyOf(steps), List.copyOf(unmet));
    }

    static boolean eligible(Offer offer, Learner learner, String competencyCode, Instant now) {
        if (!offer.openAt(now)) {
            return false;
        }
        ActivityFacts facts = offer.facts();
        if (facts.competencyCodes() == null || !facts.competencyCodes().contains(competencyCode)) {
            return false;
        }
        if ("COMPETITION".equals(facts.kind()) || !learner.regionId().equals(offer.regionId())) {
            return false;
        }
        if (learner.position() != null
                && facts.positions() != null
                && !facts.positions().isEmpty()
                && !facts.positions().contains(learner.position())) {
            return false;
        }
        return !"SCHOOL".equals(facts.level()) || Objects.equals(facts.organizerId(), learner.organizationId());
    }

    private static Ranked rank(Offer offer, Learner learner, DeficitSeverity severity, Instant now) {
        ActivityFacts facts = offer.facts();
        int fit = 0;
        List<String> reasons = new ArrayList<>();
        boolean ownMunicipality = Objects.equals(offer.municipalityId(), learner.municipalityId());
        if (ownMunicipality) {
            fit += 30;
            reasons.add("в своём муниципалитете");
        } else {
            reasons.add("в регионе");
        }
        Set<TargetGroup> groups = facts.targetGroups() == null ? Set.of() : facts.targetGroups();
        List<TargetGroup> shared = groups.stream()
                .filter(learner.targetGroups()::contains)
                .sorted()
                .toList();
        if (!shared.isEmpty()) {
            fit += 20;
            reasons.add("для целевой группы " + shared.get(0));
        } else if (groups.isEmpty()) {
            fit += 5;
        }
        if (facts.positions() != null && facts.positions().contains(learner.position())) {
            fit += 5;
        }
        boolean course = isCourse(offer);
        if (severity == DeficitSeverity.PRONOUNCED && course) {
            if (facts.federalRegistry()) {
                fit += 40;
                reasons.add("курс из федерального реестра (ФР ДПП)");
            } else {
                fit += 10;
                reasons.add("курс повышения квалификации");
            }
        } else if (severity == DeficitSeverity.PARTIAL && !course) {
            fit += 10;
        }
        boolean remote = "REMOTE".equals(facts.format()) || "MIXED".equals(facts.format());
        if (!ownMunicipality) {
            fit += remote ? 5 : -10;
        }
        if (remote) {
            reasons.add("REMOTE".equals(facts.format()) ? "дистанционно" : "смешанный формат");
        }
        Duration untilStart = Duration.between(now, facts.startsAt());
        if (untilStart.compareTo(Duration.ofDays(30)) <= 0) {
            fit += 10;
        } else if (untilStart.compareTo(Duration.ofDays(90)) <= 0) {
            fit += 5;
        }
        reasons.add("начало " + LocalDate.ofInstant(facts.startsAt(), ZoneOffset.UTC));
        Integer free = offer.freeSeats();
        reasons.add(free == null ? "без ограничения мест" : "свободных мест: " + free);
        return new Ranked(offer, fit, reasons);
    }

    private static PlannedStep step(Deficit deficit, Ranked ranked, String rule, String frameworkVersion) {
        ActivityFacts facts = ranked.offer().facts();
        Instant due = facts.endsAt() != null ? facts.endsAt() : facts.startsAt();
        return new PlannedStep(
                deficit.competencyCode(),
                deficit.severity(),
                offerKind(facts.kind()),
                ranked.offer().activityId(),
                List.of(),
                rule,
                frameworkVersion,
                LocalDate.ofInstant(due, ZoneOffset.UTC),
                ranked.fit(),
                deficitWords(deficit, frameworkVersion) + ": " + String.join(", ", ranked.reasons()));
    }

    private static PlannedStep selfStudy(
            Deficit deficit, Learner learner, List<Practice> practices, String frameworkVersion, LocalDate today) {
        List<String> matching = practices.stream()
                .filter(p -> p.competencyCodes() != null && p.competencyCodes().contains(deficit.competencyCode()))
                .filter(p -> learner.regionId().equals(p.regionId()))
                .sorted(Comparator.comparing(
                                (Practice p) -> !Objects.equals(p.municipalityId(), learner.municipalityId()))
                        .thenComparing(Practice::practiceId))
                .limit(PRACTICES_PER_STEP)
                .map(Practice::practiceId)
                .toList();
        int days =
                deficit.severity() == DeficitSeverity.PRONOUNCED ? SELF_STUDY_DAYS_PRONOUNCED : SELF_STUDY_DAYS_PARTIAL;
        return new PlannedStep(
                deficit.competencyCode(),
                deficit.severity(),
                "SELF_STUDY",
                null,
                matching,
                NO_OFFER_SELF_STUDY,
                frameworkVersion,
                today.plusDays(days),
                0,
                deficitWords(deficit, frameworkVersion) + ": открытых мероприятий в регионе нет, самообразование"
                        + (matching.isEmpty() ? "" : " по практикам банка (" + matching.size() + ")"));
    }

    private static Optional<MentorCandidate> mentor(Learner learner, List<MentorCandidate> mentors) {
        return mentors.stream()
                .filter(m -> !m.teacherId().equals(learner.teacherId()))
                .filter(m -> m.activeMentees() < MENTOR_LOAD_LIMIT)
                .filter(m -> Objects.equals(m.organizationId(), learner.organizationId())
                        || Objects.equals(m.municipalityId(), learner.municipalityId()))
                .filter(m ->
                        learner.subjects().isEmpty() || m.subjects().stream().anyMatch(learner.subjects()::contains))
                .min(Comparator.comparing(
                                (MentorCandidate m) -> !Objects.equals(m.organizationId(), learner.organizationId()))
                        .thenComparingInt(MentorCandidate::activeMentees)
                        .thenComparing(MentorCandidate::teacherId));
    }

    private static PlannedStep mentorStep(
            Learner learner, MentorCandidate mentor, List<Deficit> deficits, String frameworkVersion, LocalDate today) {
        Deficit focus = deficits.stream()
                .filter(d -> d.severity() == DeficitSeverity.PRONOUNCED)
                .findFirst()
                .orElse(deficits.get(0));
        boolean sameSchool = Objects.equals(mentor.organizationId(), learner.organizationId());
        return new PlannedStep(
                focus.competencyCode(),
                focus.severity(),
                "MENTOR",
                mentor.teacherId(),
                List.of(),
                YOUNG_SPECIALIST_MENTOR,
                frameworkVersion,
                today.plusDays(MENTOR_DAYS),
                0,
                "молодой специалист (до 35 лет, первые 3 года): наставник "
                        + (sameSchool ? "из своей школы" : "из своего муниципалитета")
                        + (learner.subjects().isEmpty() ? "" : " того же предмета")
                        + ", подопечных " + mentor.activeMentees() + " из " + MENTOR_LOAD_LIMIT);
    }

    private static String deficitWords(Deficit deficit, String frameworkVersion) {
        return (deficit.severity() == DeficitSeverity.PRONOUNCED ? "выраженный" : "частичный") + " дефицит по "
                + deficit.competencyCode() + " (рамка " + frameworkVersion + ")";
    }

    static boolean isCourse(Offer offer) {
        return "COURSE".equals(offer.facts().kind());
    }

    /** The route step kind of an activity kind. */
    public static String offerKind(String activityKind) {
        if ("COURSE".equals(activityKind)) {
            return "COURSE";
        }
        return "INTERNSHIP".equals(activityKind) ? "INTERNSHIP" : "EVENT";
    }
}
