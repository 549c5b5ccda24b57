package ru.msp.indicators.value;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import ru.msp.contracts.CompetencyLevel;
import ru.msp.contracts.TargetGroup;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.indicators.fact.OrganizationFact;
import ru.msp.indicators.fact.TeacherFact;
import ru.msp.indicators.fact.TeacherFact.Mark;

/**
 * Which counters one fact document is counted in: for each school year it belongs to and each indicator, whether it is
 * in the denominator and in the numerator (a count for routes). Counters are the sums of these over all documents, so
 * a change of one document changes the counters by the difference of its tallies before and after
 * ({@link #diff}); a full recompute sums them afresh. Plain: no Spring, no store.
 *
 * <p>A teacher counts in the school years from the one of its first registration event to the current one
 * ({@code horizon}), at most {@value #MAX_YEARS} of them, and not in years starting on or after its departure. An
 * organisation counts from its registration's school year likewise. Facts are attributed to the current placement.
 */
public final class IndicatorRules {

    static final int MAX_YEARS = 10;

    /** Positions heading an organisation (руководитель ОО). */
    static final Set<String> HEADS = Set.of("DIRECTOR");
    /** The management team (head and deputies). */
    public static final Set<String> MANAGEMENT = Set.of("DIRECTOR", "DEPUTY_DIRECTOR");
    /** Course competencies that count as education quality management (003). */
    static final Set<String> QUALITY_MANAGEMENT = Set.of("EDUCATION_QUALITY_MANAGEMENT", "MANAGEMENT");

    private IndicatorRules() {}

    /** Every counter the teacher is in, with its tally. */
    public static Map<CounterKey, Tally> of(TeacherFact fact, SchoolYear horizon) {
        Map<CounterKey, Tally> tallies = new LinkedHashMap<>();
        if (fact.profile() == null || fact.regionId() == null || fact.municipalityId() == null) {
            return tallies;
        }
        for (SchoolYear year : years(fact, horizon)) {
            TeacherYear t = new TeacherYear(fact, year);
            Map<String, Tally> codes = t.tallies();
            codes.forEach((code, tally) -> {
                if (tally.isZero()) {
                    return;
                }
                String period = year.toString();
                String mun = fact.municipalityId();
                if (fact.organizationId() != null) {
                    add(
                            tallies,
                            new CounterKey(
                                    code,
                                    period,
                                    ScopeKind.ORGANIZATION,
                                    fact.organizationId(),
                                    fact.regionId(),
                                    mun,
                                    fact.organizationId()),
                            tally);
                }
                add(
                        tallies,
                        new CounterKey(code, period, ScopeKind.MUNICIPALITY, mun, fact.regionId(), mun, null),
                        tally);
                add(
                        tallies,
                        new CounterKey(code, period, ScopeKind.REGION, fact.regionId(), fact.regionId(), null, null),
                        tally);
                for (TargetGroup group : fact.profile().targetGroups()) {
                    add(
                            tallies,
                            new CounterKey(
                                    code,
                                    period,
                                    ScopeKind.MUNICIPALITY_TARGET_GROUP,
                                    mun + "~" + group,
                                    fact.regionId(),
                                    mun,
                                    null),
                            tally);
                }
            });
        }
        return tallies;
    }

    /** Every counter the organisation is in, with its tally. Methodical centres are not counted (not ОО). */
    public static Map<CounterKey, Tally> of(OrganizationFact fact, SchoolYear horizon) {
        Map<CounterKey, Tally> tallies = new LinkedHashMap<>();
        if (!fact.registered()
                || fact.regionId() == null
                || fact.municipalityId() == null
                || OrganizationFact.METHODICAL_CENTRE.equals(fact.type())) {
            return tallies;
        }
        boolean school = OrganizationFact.GENERAL_SCHOOL.equals(fact.type());
        boolean model = fact.flags().contains("MENTORING_MODEL");
        boolean system = fact.flags().contains("MENTORING_SYSTEM");
        for (SchoolYear year : range(fact.firstSeen().atZone(ZoneOffset.UTC).toLocalDate(), null, horizon)) {
            String period = year.toString();
            Map<String, Tally> codes = new LinkedHashMap<>();
            codes.put("ORGANIZATIONS_WITH_MENTORING_MODEL_SHARE", Tally.of(model, true));
            codes.put("SCHOOLS_WITH_MENTORING_MODEL_SHARE", Tally.of(school && model, school));
            codes.put("SCHOOLS_IN_MENTORING_SYSTEM_SHARE", Tally.of(school && system, school));
            codes.put(
                    "MANAGEMENT_TEAMS_TRAINED_SHARE",
                    Tally.of(fact.trainedLeaders().values().stream().anyMatch(ys -> ys.contains(period)), true));
            codes.put(
                    "PRACTICES_PRESENTED_ORGANIZATIONS_SHARE",
                    Tally.of(fact.practices().values().stream().anyMatch(d -> in(d, year)), true));
            codes.put(
                    MENTORING_PAIRS_HELPER,
                    Tally.of(school && fact.mentorships().values().stream().anyMatch(m -> active(m, year)), school));
            codes.forEach((code, tally) -> {
                if (tally.isZero()) {
                    return;
                }
                add(
                        tallies,
                        new CounterKey(
                                code,
                                period,
                                ScopeKind.ORGANIZATION,
                                fact.id(),
                                fact.regionId(),
                                fact.municipalityId(),
                                fact.id()),
                        tally);
                add(
                        tallies,
                        new CounterKey(
                                code,
                                period,
                                ScopeKind.MUNICIPALITY,
                                fact.municipalityId(),
                                fact.regionId(),
                                fact.municipalityId(),
                                null),
                        tally);
                add(
                        tallies,
                        new CounterKey(code, period, ScopeKind.REGION, fact.regionId(), fact.regionId(), null, null),
                        tally);
            });
        }
        return tallies;
    }

    /**
     * Not a catalogue indicator: schools with an active mentoring pair over schools, kept for the "schools without
     * mentoring pairs" alert.
     */
    public static final String MENTORING_PAIRS_HELPER = "SCHOOLS_WITH_MENTORING_PAIRS";

    /** The counter changes that turn the tallies {@code before} into {@code after}, sorted by counter. */
    public static List<CounterDelta> diff(Map<CounterKey, Tally> before, Map<CounterKey, Tally> after) {
        Map<String, CounterKey> keys = new TreeMap<>();
        before.keySet().forEach(k -> keys.put(k.id(), k));
        after.keySet().forEach(k -> keys.put(k.id(), k));
        List<CounterDelta> deltas = new ArrayList<>();
        for (CounterKey key : keys.values()) {
            Tally d = after.getOrDefault(key, Tally.ZERO).minus(before.getOrDefault(key, Tally.ZERO));
            if (!d.isZero()) {
                deltas.add(new CounterDelta(key, d.numerator(), d.denominator()));
            }
        }
        return deltas;
    }

    /** Sums tallies into totals (a recompute). */
    public static void addAll(Map<CounterKey, Tally> totals, Map<CounterKey, Tally> tallies) {
        tallies.forEach((key, tally) -> add(totals, key, tally));
    }

    /** The school years in which a leader completed a course: kept in the organisation's facts. */
    public static List<String> courseYears(TeacherFact fact) {
        if (fact.profile() == null || !MANAGEMENT.contains(fact.profile().position())) {
            return List.of();
        }
        Set<String> years = new TreeSet<>();
        for (Mark mark : fact.marks().values()) {
            if (Mark.COURSE.equals(mark.kind()) && mark.date() != null) {
                years.add(SchoolYear.containing(mark.date()).toString());
            }
        }
        return List.copyOf(years);
    }

    private static void add(Map<CounterKey, Tally> tallies, CounterKey key, Tally tally) {
        tallies.merge(key, tally, Tally::plus);
    }

    static List<SchoolYear> years(TeacherFact fact, SchoolYear horizon) {
        LocalDate first = fact.firstSeen().atZone(ZoneOffset.UTC).toLocalDate();
        return range(first, fact.departedOn(), horizon);
    }

    private static List<SchoolYear> range(LocalDate first, LocalDate departedOn, SchoolYear horizon) {
        SchoolYear from = SchoolYear.containing(first);
        SchoolYear oldest = new SchoolYear(horizon.startYear() - MAX_YEARS + 1);
        if (from.compareTo(oldest) < 0) {
            from = oldest;
        }
        SchoolYear to = horizon;
        if (departedOn != null) {
            SchoolYear lastWorked = SchoolYear.containing(departedOn.minusDays(1));
            if (lastWorked.compareTo(to) < 0) {
                to = lastWorked;
            }
        }
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear y = from; y.compareTo(to) <= 0; y = new SchoolYear(y.startYear() + 1)) {
            years.add(y);
        }
        return years;
    }

    static boolean in(LocalDate date, SchoolYear year) {
        return date != null && !date.isBefore(year.firstDay()) && !date.isAfter(year.lastDay());
    }

    static boolean active(TeacherFact.Mentoring m, SchoolYear year) {
        return m.startDate() != null
                && !m.startDate().isAfter(year.lastDay())
                && (m.endDate() == null || !m.endDate().isBefore(year.firstDay()));
    }

    /** One teacher in one school year: the facts each indicator asks about. */
    static final class TeacherYear {

        private final TeacherFact fact;
        private final TeacherFact.Profile profile;
        private final SchoolYear year;

        TeacherYear(TeacherFact fact, SchoolYear year) {
            this.fact = fact;
            this.profile = fact.profile();
            this.year = year;
        }

        Map<String, Tally> tallies() {
            Map<String, Tally> t = new LinkedHashMap<>();
            boolean diagnosed = diagnosed(null);
            boolean municipalMonitoring = diagnosed(Set.of("MUNICIPAL"));
            String level = level();
            t.put("DIAGNOSED_SHARE", Tally.of(diagnosed, true));
            t.put("DIAGNOSED_FEDERAL_REGIONAL_SHARE", Tally.of(diagnosed(Set.of("FEDERAL", "REGIONAL")), true));
            t.put("MUNICIPAL_MONITORING_SHARE", Tally.of(municipalMonitoring, true));
            for (CompetencyLevel l : CompetencyLevel.values()) {
                t.put(
                        "DIAGNOSED_LEVEL_" + l.name() + "_SHARE",
                        Tally.of(diagnosed && l.name().equals(level), diagnosed));
            }
            long approved = routes(false);
            t.put("ROUTES_SHARE", Tally.of(approved > 0, true));
            t.put("ROUTES_COMPLETED_SHARE", new Tally(routes(true), approved));
            boolean course = course(false, false, false);
            t.put("FEDERAL_REGISTRY_COURSES_SHARE", Tally.of(course(true, false, false), true));
            t.put("FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE", Tally.of(course(true, false, true), true));
            t.put("COURSES_COMPLETED_SHARE", Tally.of(course, true));
            t.put("REMOTE_COURSES_SHARE", Tally.of(course(false, true, false), course));
            boolean head = HEADS.contains(profile.position());
            t.put("SCHOOL_LEADERS_QUALITY_MANAGEMENT_TRAINED_SHARE", Tally.of(head && qualityCourse(), head));
            boolean young = young();
            boolean supported = supported();
            t.put("YOUNG_TEACHERS_SUPPORTED_SHARE", Tally.of(young && supported, young));
            boolean subjectTeacher = "TEACHER".equals(profile.position());
            t.put("TEACHERS_UNDER_35_SHARE", Tally.of(subjectTeacher && aged35OrUnder(), subjectTeacher));
            t.put(
                    "YOUNG_TEACHERS_FIRST_CATEGORY_SHARE",
                    Tally.of(young && supported && firstCategory(), young && supported));
            t.put("COMMUNITY_MEMBERS_SHARE", Tally.of(member(null), true));
            t.put("NETWORK_COMMUNITY_PRESENTERS_SHARE", Tally.of(member("NETWORK") && marked(Mark.PRACTICE), true));
            t.put("EXPERTS_SHARE", Tally.of(profile.expert(), true));
            t.put("METHODICAL_ASSET_SHARE", Tally.of(profile.methodicalAsset(), true));
            t.put("REGISTRY_EXPERTS_COUNT", Tally.of(profile.registryExpert(), false));
            t.put("INFORMED_SHARE", Tally.of(marked(Mark.INFORMED), true));
            t.put("MUNICIPAL_EVENTS_PARTICIPATION_SHARE", Tally.of(attended("MUNICIPAL"), true));
            t.put("COMPETITION_PARTICIPATION_SHARE", Tally.of(marked(Mark.COMPETITION), true));
            boolean recommended = marked(Mark.RECOMMENDATION);
            t.put("RECOMMENDATIONS_RECEIVED_SHARE", Tally.of(diagnosed && recommended, diagnosed));
            t.put(
                    "MUNICIPAL_MONITORING_RECOMMENDED_SHARE",
                    Tally.of(municipalMonitoring && recommended, municipalMonitoring));
            t.put("SCHOOL_LEADERS_RECOMMENDED_SHARE", Tally.of(head && marked(Mark.LEADER_RECOMMENDATION), head));
            for (TargetGroup group : TargetGroup.values()) {
                boolean inGroup = profile.targetGroups().contains(group);
                t.put("TARGET_GROUP_COVERAGE_" + group.name() + "_SHARE", Tally.of(inGroup && supported, inGroup));
            }
            return t;
        }

        private boolean diagnosed(Set<String> levels) {
            String period = year.toString();
            return fact.diagnoses().values().stream()
                    .anyMatch(d -> period.equals(d.period()) && (levels == null || levels.contains(d.campaignLevel())));
        }

        /** The level of the school year's latest diagnosis (by date, then result id). */
        private String level() {
            String period = year.toString();
            return fact.diagnoses().values().stream()
                    .filter(d -> period.equals(d.period()))
                    .max(Comparator.comparing(TeacherFact.Diagnosis::diagnosedOn)
                            .thenComparing(TeacherFact.Diagnosis::resultId))
                    .map(TeacherFact.Diagnosis::level)
                    .orElse(null);
        }

        /** Routes approved in the year and not cancelled (a completed route stays counted). */
        private long routes(boolean completedOnly) {
            return fact.routes().values().stream()
                    .filter(r -> r.approvedAt() != null
                            && in(r.approvedAt().atZone(ZoneOffset.UTC).toLocalDate(), year))
                    .filter(r -> r.cancelledAt() == null || r.completedOn() != null)
                    .filter(r -> !completedOnly || r.completedOn() != null)
                    .count();
        }

        private boolean course(boolean federalRegistry, boolean remote, boolean forDeficit) {
            Set<String> deficits = forDeficit ? deficits() : Set.of();
            return fact.marks().values().stream()
                    .filter(m -> Mark.COURSE.equals(m.kind()) && in(m.date(), year))
                    .filter(m -> !federalRegistry || m.federalRegistry())
                    .filter(m -> !remote || m.remote())
                    .anyMatch(m -> !forDeficit || m.competencies().stream().anyMatch(deficits::contains));
        }

        /** Deficits found by any diagnosis up to the end of the year. */
        private Set<String> deficits() {
            Set<String> deficits = new HashSet<>();
            fact.diagnoses().values().stream()
                    .filter(d -> d.diagnosedOn() != null && !d.diagnosedOn().isAfter(year.lastDay()))
                    .forEach(d -> deficits.addAll(d.deficits()));
            return deficits;
        }

        private boolean qualityCourse() {
            return fact.marks().values().stream()
                    .filter(m -> Mark.COURSE.equals(m.kind()) && in(m.date(), year))
                    .anyMatch(m -> m.competencies().stream().anyMatch(QUALITY_MANAGEMENT::contains));
        }

        private boolean marked(String kind) {
            return fact.marks().values().stream()
                    .anyMatch(m -> kind.equals(m.kind()) && m.positive() && in(m.date(), year));
        }

        private boolean attended(String level) {
            return fact.marks().values().stream()
                    .anyMatch(m -> Mark.ATTENDED.equals(m.kind())
                            && m.positive()
                            && in(m.date(), year)
                            && (level == null || level.equals(m.activityLevel())));
        }

        /**
         * Took part in some form of methodical support in the year: attended an activity, completed a course, had a
         * route approved, was a mentee, or received a targeted recommendation.
         */
        private boolean supported() {
            return attended(null)
                    || course(false, false, false)
                    || routes(false) > 0
                    || marked(Mark.RECOMMENDATION)
                    || fact.mentorships().values().stream().anyMatch(m -> "MENTEE".equals(m.role()) && active(m, year));
        }

        /** 35 or under on 1 September («до 35 лет включительно»). */
        private boolean aged35OrUnder() {
            return profile.birthDate() != null
                    && profile.birthDate().plusYears(36).isAfter(year.firstDay());
        }

        /** 35 or under with under three years of pedagogical service on 1 September. */
        private boolean young() {
            return aged35OrUnder()
                    && profile.pedagogicalStartDate() != null
                    && profile.pedagogicalStartDate().plusYears(3).isAfter(year.firstDay());
        }

        /** Holds the first (or the highest) category, reached by the end of the year. */
        private boolean firstCategory() {
            return ("FIRST".equals(profile.category()) || "HIGHEST".equals(profile.category()))
                    && (profile.categoryDate() == null
                            || !profile.categoryDate().isAfter(year.lastDay()));
        }

        /** A member of a community (of the level, if given) at some time in the year. */
        private boolean member(String level) {
            return fact.memberships().values().stream()
                    .filter(m -> level == null || level.equals(m.level()))
                    .anyMatch(m -> "JOINED".equals(m.change())
                            ? !m.effectiveDate().isAfter(year.lastDay())
                            : !m.effectiveDate().isBefore(year.firstDay()));
        }
    }
}
