package ru.msp.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo population, worked out from a seed before anything is posted: the same seed and date give the same plan,
 * so a reset platform looks the same every time. The four seed municipalities sit in their real regions with their
 * programme presets; each region gets real neighbouring municipalities (on the region's seed preset) so that its
 * dashboard compares several municipalities.
 */
public record DemoPlan(long seed, LocalDate today, List<Region> regions) {

    public record Region(String code, String name, List<Municipality> municipalities) {}

    /** {@code seedProgramme}: true for the four municipalities whose programmes are the seed documents. */
    public record Municipality(
            String name, String programPreset, boolean seedProgramme, List<Organization> organizations) {}

    public record Organization(
            String externalId, String name, String shortName, String type, Set<String> flags, List<Teacher> staff) {}

    public record Teacher(
            String externalId,
            String lastName,
            String firstName,
            String middleName,
            String position,
            List<String> subjects,
            LocalDate birthDate,
            LocalDate pedagogicalStartDate,
            String category,
            LocalDate categoryDate,
            Set<String> targetGroups,
            boolean methodicalAsset,
            Set<String> expertKinds,
            boolean registryExpert) {}

    /** How big: schools per municipality and staff per school (a school system's usual range). */
    public enum Scale {
        SMALL(3, 8, 12),
        STANDARD(6, 14, 30),
        LARGE(12, 25, 45);

        final int schools;
        final int minStaff;
        final int maxStaff;

        Scale(int schools, int minStaff, int maxStaff) {
            this.schools = schools;
            this.minStaff = minStaff;
            this.maxStaff = maxStaff;
        }
    }

    private record RegionSeed(String code, String name, String preset, String seedMunicipality, List<String> others) {}

    private static final List<RegionSeed> REGIONS = List.of(
            new RegionSeed(
                    "66",
                    "Свердловская область",
                    "NIZHNY_TAGIL_2024_2027",
                    "город Нижний Тагил",
                    List.of(
                            "Кушвинский городской округ",
                            "Невьянский городской округ",
                            "городской округ Верхняя Салда")),
            new RegionSeed(
                    "59",
                    "Пермский край",
                    "BEREZNIKI_2021_2024",
                    "город Березники",
                    List.of("Соликамский городской округ", "Александровский муниципальный округ")),
            new RegionSeed(
                    "61",
                    "Ростовская область",
                    "OKTYABRSKY_2021_2024",
                    "Октябрьский район",
                    List.of("город Шахты", "город Новочеркасск", "Красносулинский район")),
            new RegionSeed(
                    "50",
                    "Московская область",
                    "KOROLEV",
                    "городской округ Королёв",
                    List.of("городской округ Мытищи", "Пушкинский городской округ")));

    static final List<String> SUBJECTS = List.of(
            "Математика",
            "Русский язык",
            "Литература",
            "Физика",
            "Химия",
            "Биология",
            "История",
            "Обществознание",
            "География",
            "Английский язык",
            "Информатика",
            "Физическая культура",
            "Начальные классы",
            "Музыка",
            "Изобразительное искусство",
            "Технология");

    public static DemoPlan generate(long seed, Scale scale, LocalDate today) {
        Random random = new Random(seed);
        Names names = new Names(random);
        List<Region> regions = new ArrayList<>();
        int school = 0;
        for (RegionSeed regionSeed : REGIONS) {
            List<Municipality> municipalities = new ArrayList<>();
            List<String> all = new ArrayList<>();
            all.add(regionSeed.seedMunicipality());
            all.addAll(regionSeed.others());
            for (String municipalityName : all) {
                boolean seedProgramme = municipalityName.equals(regionSeed.seedMunicipality());
                List<Organization> organizations = new ArrayList<>();
                int schools = seedProgramme ? scale.schools + scale.schools / 2 : scale.schools;
                for (int s = 1; s <= schools; s++) {
                    school++;
                    organizations.add(school(random, names, scale, today, regionSeed.code(), school, s));
                }
                school++;
                organizations.add(methodicalCentre(random, names, today, regionSeed.code(), school, municipalityName));
                municipalities.add(new Municipality(
                        municipalityName, regionSeed.preset(), seedProgramme, List.copyOf(organizations)));
            }
            regions.add(new Region(regionSeed.code(), regionSeed.name(), List.copyOf(municipalities)));
        }
        return new DemoPlan(seed, today, List.copyOf(regions));
    }

    public int teacherCount() {
        return regions.stream()
                .flatMap(r -> r.municipalities().stream())
                .flatMap(m -> m.organizations().stream())
                .mapToInt(o -> o.staff().size())
                .sum();
    }

    private static Organization school(
            Random random, Names names, Scale scale, LocalDate today, String regionCode, int serial, int number) {
        Set<String> flags = new LinkedHashSet<>();
        // Rates roughly as the seed programmes describe their networks: a few low-results schools, most schools
        // implementing the target mentoring model (Korolev aims at 100 %), a minority in school-to-school mentoring.
        boolean lowResults = random.nextDouble() < 0.15;
        if (lowResults) {
            flags.add("LOW_RESULTS");
        }
        if (random.nextDouble() < 0.12) {
            flags.add("ADVERSE_CONDITIONS");
        }
        if (!lowResults && random.nextDouble() < 0.1) {
            flags.add("FLAGSHIP");
        }
        if (random.nextDouble() < 0.1) {
            flags.add("INNOVATION_SITE");
        }
        if (random.nextDouble() < 0.1) {
            flags.add("RESOURCE_CENTRE");
        }
        if (random.nextDouble() < 0.7) {
            flags.add("MENTORING_MODEL");
        }
        if (lowResults || random.nextDouble() < 0.1) {
            flags.add("MENTORING_SYSTEM");
        }
        String externalId = "demo-" + regionCode + "-org-" + serial;
        String name = "Муниципальное автономное общеобразовательное учреждение «Средняя общеобразовательная школа № "
                + number + "»";
        int staffSize = scale.minStaff + random.nextInt(scale.maxStaff - scale.minStaff + 1);
        List<Teacher> staff = new ArrayList<>();
        staff.add(teacher(random, names, today, externalId, 1, "DIRECTOR", lowResults));
        staff.add(teacher(random, names, today, externalId, 2, "DEPUTY_DIRECTOR", lowResults));
        if (staffSize > 20) {
            staff.add(teacher(random, names, today, externalId, 3, "DEPUTY_DIRECTOR", lowResults));
        }
        while (staff.size() < staffSize) {
            double roll = random.nextDouble();
            String position =
                    roll < 0.88 ? "TEACHER" : roll < 0.93 ? "PSYCHOLOGIST" : roll < 0.97 ? "TUTOR" : "SPEECH_THERAPIST";
            staff.add(teacher(random, names, today, externalId, staff.size() + 1, position, lowResults));
        }
        return new Organization(
                externalId, name, "СОШ № " + number, "GENERAL_SCHOOL", Set.copyOf(flags), List.copyOf(staff));
    }

    private static Organization methodicalCentre(
            Random random, Names names, LocalDate today, String regionCode, int serial, String municipalityName) {
        String externalId = "demo-" + regionCode + "-org-" + serial;
        List<Teacher> staff = new ArrayList<>();
        staff.add(teacher(random, names, today, externalId, 1, "DIRECTOR", false));
        for (int i = 2; i <= 5; i++) {
            staff.add(teacher(random, names, today, externalId, i, "METHODIST", false));
        }
        return new Organization(
                externalId,
                "Информационно-методический центр (" + municipalityName + ")",
                "ИМЦ",
                "METHODICAL_CENTRE",
                Set.of("RESOURCE_CENTRE"),
                List.copyOf(staff));
    }

    private static Teacher teacher(
            Random random,
            Names names,
            LocalDate today,
            String organizationExternalId,
            int serial,
            String position,
            boolean lowResults) {
        boolean manager = position.equals("DIRECTOR") || position.equals("DEPUTY_DIRECTOR");
        // Ages of Russian school staff: a median in the late forties, about a fifth under 35.
        int age = manager ? 38 + random.nextInt(25) : (int) Math.round(clamp(47 + random.nextGaussian() * 11, 22, 70));
        LocalDate birthDate = today.minusYears(age).minusDays(random.nextInt(365));
        int maxExperience = Math.max(0, age - 21);
        int experience = age < 30 ? random.nextInt(Math.min(maxExperience, 4) + 1) : random.nextInt(maxExperience + 1);
        LocalDate start = today.minusYears(experience).minusDays(random.nextInt(300));
        if (start.isBefore(birthDate.plusYears(18))) {
            start = birthDate.plusYears(18).plusDays(random.nextInt(200));
        }
        String category;
        LocalDate categoryDate = null;
        if (experience < 2) {
            category = "NONE";
        } else {
            double roll = random.nextDouble();
            category = roll < 0.35 ? "HIGHEST" : roll < 0.75 ? "FIRST" : "NONE";
            if (!category.equals("NONE")) {
                categoryDate = today.minusDays(30 + random.nextInt(Math.max(1, Math.min(experience, 5) * 365)));
                if (categoryDate.isBefore(start)) {
                    categoryDate = start.plusDays(365);
                }
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        if (age < 35 && experience < 3) {
            groups.add("YOUNG_TEACHER");
        }
        if (!manager && experience >= 10 && !category.equals("NONE") && random.nextDouble() < 0.25) {
            groups.add("MENTOR");
        }
        if (lowResults) {
            groups.add("LOW_RESULTS_SCHOOL");
        }
        if (random.nextDouble() < 0.2) {
            groups.add("DISABILITIES");
        }
        if (random.nextDouble() < 0.12) {
            groups.add("GIFTED");
        }
        List<String> subjects = position.equals("TEACHER") || manager
                ? subjects(random, manager ? 1 : 1 + (random.nextDouble() < 0.25 ? 1 : 0))
                : List.of();
        Set<String> expertKinds = new LinkedHashSet<>();
        if (experience >= 8 && random.nextDouble() < 0.08) {
            expertKinds.add("STATE_EXAMS");
        }
        if (experience >= 8 && random.nextDouble() < 0.04) {
            expertKinds.add("ATTESTATION");
        }
        if (experience >= 5 && random.nextDouble() < 0.03) {
            expertKinds.add("COMPETITIONS");
        }
        boolean registryExpert = !expertKinds.isEmpty() && random.nextDouble() < 0.3;
        boolean methodicalAsset = experience >= 10 && random.nextDouble() < 0.06;
        Names.Person person = names.next();
        return new Teacher(
                organizationExternalId + "-t-" + serial,
                person.lastName(),
                person.firstName(),
                person.middleName(),
                position,
                subjects,
                birthDate,
                start,
                category,
                categoryDate,
                Set.copyOf(groups),
                methodicalAsset,
                Set.copyOf(expertKinds),
                registryExpert);
    }

    private static List<String> subjects(Random random, int count) {
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(SUBJECTS.get(random.nextInt(SUBJECTS.size())));
        }
        return List.copyOf(chosen);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
