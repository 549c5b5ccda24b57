package ru.msp.route.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.TargetGroup;
import ru.msp.contracts.activities.ActivityFacts;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.route.offer.Offer;
import ru.msp.route.offer.Practice;
import ru.msp.route.teacher.MentorCandidate;

class RouteSuggesterTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final String FW = "fw-2025.1";

    final RouteSuggester suggester = new RouteSuggester();

    static Learner learner() {
        return new Learner(
                "tch-1",
                "reg-1",
                "mun-1",
                "org-1",
                "TEACHER",
                Set.of(),
                List.of("MATHEMATICS"),
                LocalDate.parse("1980-01-01"),
                LocalDate.parse("2005-09-01"),
                false);
    }

    static Learner youngSpecialist() {
        return new Learner(
                "tch-2",
                "reg-1",
                "mun-1",
                "org-1",
                "TEACHER",
                Set.of(),
                List.of("MATHEMATICS"),
                TODAY.minusYears(24),
                TODAY.minusYears(1),
                false);
    }

    static Offer offer(
            String id, String kind, String competency, int startsInDays, Integer capacity, Integer seatsLeft) {
        return offer(id, kind, competency, startsInDays, capacity, seatsLeft, "mun-1", false, "IN_PERSON");
    }

    static Offer offer(
            String id,
            String kind,
            String competency,
            int startsInDays,
            Integer capacity,
            Integer seatsLeft,
            String municipality,
            boolean federalRegistry,
            String format) {
        Instant starts = NOW.plus(Duration.ofDays(startsInDays));
        ActivityFacts facts = new ActivityFacts(
                kind,
                "MUNICIPAL",
                "org-centre",
                List.of(competency),
                Set.of(),
                List.of(),
                format,
                starts,
                starts.plus(Duration.ofDays(2)),
                capacity,
                "COURSE".equals(kind) ? new BigDecimal("36") : null,
                federalRegistry);
        return new Offer(id, "reg-1", municipality, facts, false, NOW.minusSeconds(60), seatsLeft, null);
    }

    @Test
    void everyDeficitGetsStepsAndPronouncedOnesPreferAFederalRegistryCourse() {
        List<Offer> offers = List.of(
                offer("plain-course", "COURSE", "ASSESSMENT", 10, 30, null, "mun-1", false, "IN_PERSON"),
                offer("fr-course", "COURSE", "ASSESSMENT", 40, 30, null, "mun-1", true, "REMOTE"),
                offer("seminar", "SEMINAR", "ASSESSMENT", 5, 20, null),
                offer("webinar", "WEBINAR", "DIGITAL", 3, null, null),
                offer("internship", "INTERNSHIP", "INCLUSIVE", 20, 5, 2));
        Suggestion suggestion = suggester.suggest(
                learner(),
                List.of(
                        new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED),
                        new Deficit("DIGITAL", DeficitSeverity.PARTIAL),
                        new Deficit("INCLUSIVE", DeficitSeverity.PARTIAL)),
                FW,
                offers,
                List.of(),
                List.of(),
                true,
                NOW);

        assertThat(suggestion.unmet()).isEmpty();
        assertThat(suggestion.steps())
                .extracting(PlannedStep::competencyCode, PlannedStep::offerId, PlannedStep::rule)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "ASSESSMENT", "fr-course", RouteSuggester.PRONOUNCED_FR_COURSE),
                        org.assertj.core.groups.Tuple.tuple(
                                "ASSESSMENT", "seminar", RouteSuggester.PRONOUNCED_PRACTICAL),
                        org.assertj.core.groups.Tuple.tuple("DIGITAL", "webinar", RouteSuggester.PARTIAL_TARGETED),
                        org.assertj.core.groups.Tuple.tuple(
                                "INCLUSIVE", "internship", RouteSuggester.PARTIAL_TARGETED));
        PlannedStep first = suggestion.steps().get(0);
        assertThat(first.frameworkVersion()).isEqualTo(FW);
        assertThat(first.severity()).isEqualTo(DeficitSeverity.PRONOUNCED);
        assertThat(first.dueDate()).isEqualTo(LocalDate.parse("2026-04-12")); // the course's end
        assertThat(first.why()).contains("выраженный дефицит по ASSESSMENT", "курс из федерального реестра", FW);
        assertThat(suggestion.steps().get(3).offerKind()).isEqualTo("INTERNSHIP");
    }

    @Test
    void fullPastCancelledOrUnpublishedActivitiesAreNeverSuggested() {
        Offer full = offer("full", "SEMINAR", "ASSESSMENT", 5, 20, 0);
        Offer fullByCapacity = offer("no-capacity", "SEMINAR", "ASSESSMENT", 5, 0, null);
        Offer past = offer("past", "SEMINAR", "ASSESSMENT", -1, 20, 5);
        Offer cancelled = new Offer(
                "cancelled",
                "reg-1",
                "mun-1",
                offer("x", "SEMINAR", "ASSESSMENT", 5, 20, null).facts(),
                true,
                NOW,
                null,
                null);
        Offer registrationOnly = new Offer("no-facts", "reg-1", "mun-1", null, false, null, 3, NOW);
        Offer otherRegion = new Offer(
                "other-region",
                "reg-2",
                "mun-9",
                offer("y", "SEMINAR", "ASSESSMENT", 5, 20, null).facts(),
                false,
                NOW,
                null,
                null);

        Suggestion suggestion = suggester.suggest(
                learner(),
                List.of(new Deficit("ASSESSMENT", DeficitSeverity.PARTIAL)),
                FW,
                List.of(full, fullByCapacity, past, cancelled, registrationOnly, otherRegion),
                List.of(new Practice("pr-1", "reg-1", "mun-1", "org-5", List.of("ASSESSMENT"), "MUNICIPAL", null, NOW)),
                List.of(),
                true,
                NOW);

        assertThat(suggestion.steps()).hasSize(1);
        PlannedStep step = suggestion.steps().get(0);
        assertThat(step.offerKind()).isEqualTo("SELF_STUDY");
        assertThat(step.rule()).isEqualTo(RouteSuggester.NO_OFFER_SELF_STUDY);
        assertThat(step.practiceIds()).containsExactly("pr-1");
        assertThat(step.dueDate()).isEqualTo(TODAY.plusDays(60));
        assertThat(suggestion.unmet()).containsExactly(new Deficit("ASSESSMENT", DeficitSeverity.PARTIAL));
    }

    @Test
    void ownMunicipalityComesBeforeTheRegionAndPositionsOutsideTheOfferAreExcluded() {
        Offer region = offer("region", "SEMINAR", "ASSESSMENT", 5, 20, null, "mun-2", false, "IN_PERSON");
        Offer own = offer("own", "SEMINAR", "ASSESSMENT", 50, 20, null, "mun-1", false, "IN_PERSON");
        ActivityFacts forDirectors = new ActivityFacts(
                "SEMINAR",
                "MUNICIPAL",
                "org-centre",
                List.of("ASSESSMENT"),
                Set.of(),
                List.of("DIRECTOR"),
                "IN_PERSON",
                NOW.plus(Duration.ofDays(2)),
                null,
                null,
                null,
                false);
        Offer directors = new Offer("directors", "reg-1", "mun-1", forDirectors, false, NOW, null, null);

        Suggestion suggestion = suggester.suggest(
                learner(),
                List.of(new Deficit("ASSESSMENT", DeficitSeverity.PARTIAL)),
                FW,
                List.of(region, own, directors),
                List.of(),
                List.of(),
                true,
                NOW);

        assertThat(suggestion.steps()).extracting(PlannedStep::offerId).containsExactly("own");
    }

    @Test
    void aYoungSpecialistGetsAMentorOfTheSameSubjectFromTheOwnSchoolFirstWhoIsNotOverloaded() {
        List<MentorCandidate> mentors = List.of(
                new MentorCandidate("m-overloaded", "org-1", "mun-1", List.of("MATHEMATICS"), 3),
                new MentorCandidate("m-other-subject", "org-1", "mun-1", List.of("HISTORY"), 0),
                new MentorCandidate("m-municipality", "org-2", "mun-1", List.of("MATHEMATICS"), 0),
                new MentorCandidate("m-school", "org-1", "mun-1", List.of("MATHEMATICS", "PHYSICS"), 2),
                new MentorCandidate("m-far", "org-9", "mun-9", List.of("MATHEMATICS"), 0));
        List<Deficit> deficits = List.of(
                new Deficit("DIGITAL", DeficitSeverity.PARTIAL), new Deficit("ASSESSMENT", DeficitSeverity.PRONOUNCED));

        Suggestion young = suggester.suggest(youngSpecialist(), deficits, FW, List.of(), List.of(), mentors, true, NOW);
        Suggestion experienced = suggester.suggest(learner(), deficits, FW, List.of(), List.of(), mentors, true, NOW);
        Suggestion alreadyHasOne =
                suggester.suggest(youngSpecialist(), deficits, FW, List.of(), List.of(), mentors, false, NOW);

        PlannedStep mentor = young.steps().stream()
                .filter(s -> s.offerKind().equals("MENTOR"))
                .findFirst()
                .orElseThrow();
        assertThat(mentor.offerId()).isEqualTo("m-school");
        assertThat(mentor.rule()).isEqualTo(RouteSuggester.YOUNG_SPECIALIST_MENTOR);
        assertThat(mentor.competencyCode()).isEqualTo("ASSESSMENT"); // the pronounced deficit
        assertThat(mentor.dueDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(experienced.steps()).noneMatch(s -> s.offerKind().equals("MENTOR"));
        assertThat(alreadyHasOne.steps()).noneMatch(s -> s.offerKind().equals("MENTOR"));
    }

    @Test
    void youngSpecialistIsUnder35AndInTheFirstThreeYears() {
        Learner base = youngSpecialist();
        assertThat(base.youngSpecialist(TODAY)).isTrue();
        Learner thirtyFive = new Learner(
                "t", "r", "m", "o", "TEACHER", Set.of(), List.of(), TODAY.minusYears(35), TODAY.minusYears(1), false);
        Learner threeYears = new Learner(
                "t", "r", "m", "o", "TEACHER", Set.of(), List.of(), TODAY.minusYears(25), TODAY.minusYears(3), false);
        Learner almostThree = new Learner(
                "t",
                "r",
                "m",
                "o",
                "TEACHER",
                Set.of(),
                List.of(),
                TODAY.minusYears(25),
                TODAY.minusYears(3).plusDays(1),
                false);
        Learner unknownButFlagged = new Learner(
                "t", "r", "m", "o", "TEACHER", Set.of(TargetGroup.YOUNG_TEACHER), List.of(), null, null, false);
        assertThat(thirtyFive.youngSpecialist(TODAY)).isFalse();
        assertThat(threeYears.youngSpecialist(TODAY)).isFalse();
        assertThat(almostThree.youngSpecialist(TODAY)).isTrue();
        assertThat(unknownButFlagged.youngSpecialist(TODAY)).isTrue();
    }
}
