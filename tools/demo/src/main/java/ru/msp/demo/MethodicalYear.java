package ru.msp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One municipality's school year so far, posted as its people would: the methodical centre publishes its activity
 * plan, runs a diagnostic campaign whose results come from school systems, methodists approve and follow the routes
 * the platform suggests, school systems post registrations and attendance, teachers answer feedback questionnaires.
 * Random choices come from the plan's seed and the municipality's name, so a reset platform gets the same year.
 */
final class MethodicalYear {

    /** What a teacher position is diagnosed on in the demo campaign (all apply to TEACHER in framework 2025.1). */
    static final List<String> INSTRUMENT = List.of(
            "SUBJECT_KNOWLEDGE",
            "SUBJECT_METHODOLOGY",
            "ASSESSMENT",
            "READING_LITERACY",
            "MATHEMATICAL_LITERACY",
            "DIGITAL_TEACHING",
            "INCLUSIVE_EDUCATION",
            "PSYCHOLOGICAL_PEDAGOGICAL");

    /** The plan of the methodical centre: what, which competencies, when (days from today), kind details. */
    private record PlannedActivity(
            String title,
            String kind,
            String format,
            List<String> competencies,
            int inDays,
            int lastsDays,
            Integer capacity,
            Integer courseHours,
            boolean federalRegistry,
            boolean atResourceCentre) {}

    private static final List<PlannedActivity> PLAN = List.of(
            new PlannedActivity(
                    "Формирующее оценивание образовательных результатов обучающихся",
                    "COURSE",
                    "REMOTE",
                    List.of("ASSESSMENT"),
                    21,
                    28,
                    60,
                    36,
                    true,
                    false),
            new PlannedActivity(
                    "Формирование функциональной грамотности обучающихся: читательская и математическая",
                    "COURSE",
                    "MIXED",
                    List.of("READING_LITERACY", "MATHEMATICAL_LITERACY"),
                    14,
                    56,
                    80,
                    72,
                    true,
                    false),
            new PlannedActivity(
                    "Цифровая образовательная среда и дистанционное обучение",
                    "COURSE",
                    "REMOTE",
                    List.of("DIGITAL_TEACHING"),
                    10,
                    20,
                    50,
                    24,
                    false,
                    false),
            new PlannedActivity(
                    "Инклюзивное образование: обучение детей с ОВЗ в общеобразовательном классе",
                    "SEMINAR",
                    "IN_PERSON",
                    List.of("INCLUSIVE_EDUCATION", "PSYCHOLOGICAL_PEDAGOGICAL"),
                    12,
                    0,
                    40,
                    null,
                    false,
                    false),
            new PlannedActivity(
                    "Современный урок: методика преподавания предмета",
                    "WORKSHOP",
                    "IN_PERSON",
                    List.of("SUBJECT_METHODOLOGY", "SUBJECT_KNOWLEDGE"),
                    25,
                    0,
                    30,
                    null,
                    false,
                    false),
            new PlannedActivity(
                    "Стажировка на базе ресурсного центра: проектная и исследовательская деятельность",
                    "INTERNSHIP",
                    "IN_PERSON",
                    List.of("PROJECT_RESEARCH", "SUBJECT_METHODOLOGY"),
                    35,
                    3,
                    15,
                    null,
                    false,
                    true),
            new PlannedActivity(
                    "Психолого-педагогическое сопровождение обучающихся: вебинар для классных руководителей",
                    "WEBINAR",
                    "REMOTE",
                    List.of("PSYCHOLOGICAL_PEDAGOGICAL", "UPBRINGING"),
                    7,
                    0,
                    null,
                    null,
                    false,
                    false));

    private final GatewayClient gateway;
    private final long seed;
    private final LocalDate today;
    private final Consumer<String> count;

    MethodicalYear(GatewayClient gateway, long seed, LocalDate today, Consumer<String> count) {
        this.gateway = gateway;
        this.seed = seed;
        this.today = today;
        this.count = count;
    }

    void run(Population.Municipality municipality) {
        Random random = new Random(seed * 31 + municipality.plan().name().hashCode());
        Stopwatch watch = new Stopwatch();
        List<String> activities = activities(municipality);
        watch.lap("activities");
        String campaignId = campaign(municipality);
        results(municipality, campaignId, random);
        watch.lap("diagnostics");
        List<JsonNode> routes = awaitRoutes(municipality);
        watch.lap("routes suggested");
        List<JsonNode> approved = followRoutes(municipality, routes, random);
        registrations(approved, activities, random);
        watch.lap("routes followed");
        methodicalDay(municipality, random);
        associations(municipality, random);
        mentoring(municipality, random);
        practices(municipality, random);
        watch.lap("day, associations, mentoring, practices");
        System.out.println("demo: " + municipality.plan().name() + ": " + watch);
    }

    /** Where the loading time goes, per stage (printed per municipality). */
    private static final class Stopwatch {
        private final StringBuilder laps = new StringBuilder();
        private long last = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            laps.append(laps.length() == 0 ? "" : ", ")
                    .append(stage)
                    .append(String.format(java.util.Locale.ROOT, " %.1f s", (now - last) / 1e9));
            last = now;
        }

        @Override
        public String toString() {
            return laps.toString();
        }
    }

    // ---------------------------------------------------------------- activities

    private List<String> activities(Population.Municipality municipality) {
        Map<String, String> existing = new LinkedHashMap<>();
        for (JsonNode activity : items(gateway.get("/api/activities?municipalityId=" + q(municipality.id())))) {
            if (municipality.id().equals(activity.path("municipalityId").asText())) {
                existing.put(
                        activity.path("title").asText(), activity.path("id").asText());
            }
        }
        String centre = municipality.methodicalCentre().id();
        String resourceCentre = municipality.organizations().stream()
                .filter(o -> o.plan().flags().contains("RESOURCE_CENTRE") && !o.id().equals(centre))
                .map(Population.Organization::id)
                .findFirst()
                .orElse(centre);
        List<String> ids = new ArrayList<>();
        for (PlannedActivity planned : PLAN) {
            if (existing.containsKey(planned.title())) {
                ids.add(existing.get(planned.title()));
                continue;
            }
            LocalDate starts = today.plusDays(planned.inDays());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("regionId", municipality.regionId());
            body.put("municipalityId", municipality.id());
            body.put("organizerId", planned.atResourceCentre() ? resourceCentre : centre);
            body.put("title", planned.title());
            body.put("kind", planned.kind());
            body.put("level", "MUNICIPAL");
            body.put("competencyCodes", planned.competencies());
            body.put("positions", List.of("TEACHER"));
            body.put("format", planned.format());
            if (!planned.format().equals("IN_PERSON")) {
                body.put(
                        "link",
                        "https://imc.example.ru/webinars/" + planned.kind().toLowerCase());
            }
            if (!planned.format().equals("REMOTE")) {
                body.put("place", "Информационно-методический центр, актовый зал");
            }
            body.put(
                    "startsAt",
                    starts.atTime(LocalTime.of(10, 0))
                            .toInstant(ZoneOffset.ofHours(5))
                            .toString());
            body.put(
                    "endsAt",
                    starts.plusDays(planned.lastsDays())
                            .atTime(LocalTime.of(16, 0))
                            .toInstant(ZoneOffset.ofHours(5))
                            .toString());
            body.put("capacity", planned.capacity());
            if (planned.courseHours() != null) {
                body.put(
                        "course",
                        Map.of(
                                "hours",
                                planned.courseHours(),
                                "provider",
                                planned.federalRegistry()
                                        ? "ФГАОУ ДПО «Академия Минпросвещения России»"
                                        : "Институт развития образования",
                                "federalRegistry",
                                planned.federalRegistry()));
            }
            body.put("publish", true);
            ids.add(gateway.expectOk("POST /api/activities " + planned.title(), gateway.post("/api/activities", body))
                    .path("id")
                    .asText());
            count.accept("activities");
        }
        return ids;
    }

    // ---------------------------------------------------------------- diagnostics

    private String campaign(Population.Municipality municipality) {
        String schoolYear = schoolYear();
        String operator = "Муниципальная диагностика профессиональных дефицитов " + schoolYear;
        for (JsonNode campaign :
                items(gateway.get("/api/diagnostics/campaigns?municipalityId=" + q(municipality.id())))) {
            if (operator.equals(campaign.path("operatorName").asText())
                    && municipality.id().equals(campaign.path("municipalityId").asText())) {
                return campaign.path("id").asText();
            }
        }
        int year = Integer.parseInt(schoolYear.substring(0, 4));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", "MUNICIPAL");
        body.put("operatorName", operator);
        body.put("regionId", municipality.regionId());
        body.put("municipalityId", municipality.id());
        body.put("schoolYear", schoolYear);
        body.put("startsOn", LocalDate.of(year, 10, 1).toString());
        body.put("endsOn", LocalDate.of(year + 1, 4, 30).toString());
        body.put(
                "instrument",
                Map.of(
                        "code",
                        "MUNICIPAL-DEFICITS-" + year,
                        "competencies",
                        INSTRUMENT.stream()
                                .map(c -> Map.of("code", c, "maxScore", 100))
                                .toList()));
        body.put("target", Map.of("positions", List.of("TEACHER")));
        count.accept("campaigns");
        return gateway.expectOk("POST /api/diagnostics/campaigns", gateway.post("/api/diagnostics/campaigns", body))
                .path("id")
                .asText();
    }

    /**
     * About seven in ten teachers diagnosed so far. Scores: a per-teacher base (lower for young specialists) plus a
     * per-competency spread, so most teachers show one or two deficits and some none, as municipal monitoring does.
     */
    private void results(Population.Municipality municipality, String campaignId, Random random) {
        StringBuilder file = new StringBuilder();
        int rows = 0;
        LocalDate first = LocalDate.of(Integer.parseInt(schoolYear().substring(0, 4)), 10, 5);
        long span = Math.max(1, today.minusDays(3).toEpochDay() - first.toEpochDay());
        for (Population.Teacher teacher : municipality.teachers()) {
            if (!teacher.plan().position().equals("TEACHER") || random.nextDouble() > 0.7) {
                continue;
            }
            double base =
                    (teacher.plan().targetGroups().contains("YOUNG_TEACHER") ? 64 : 79) + random.nextGaussian() * 6;
            List<Map<String, Object>> scores = new ArrayList<>();
            for (String competency : INSTRUMENT) {
                long percent = Math.round(Math.max(15, Math.min(100, base + random.nextGaussian() * 13)));
                scores.add(Map.of("competencyCode", competency, "percent", percent));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("campaignId", campaignId);
            row.put("teacherId", teacher.id());
            row.put("sourceKind", "INSTRUMENT");
            row.put("diagnosedOn", first.plusDays(random.nextLong(span)).toString());
            row.put("scores", scores);
            file.append(GatewayClient.json(row)).append('\n');
            rows++;
        }
        if (rows == 0) {
            return;
        }
        // diagnostics-service learns teachers from teacher.v1 moments after their import: rows it does not know yet
        // are refused and posted again (the others come back UNCHANGED).
        JsonNode report = null;
        for (int attempt = 1; attempt <= 30; attempt++) {
            report = gateway.expectOk(
                    "POST /api/diagnostics/results/import",
                    gateway.postRaw("/api/diagnostics/results/import", "application/x-ndjson", file.toString()));
            if (report.path("rejected").asInt() == 0) {
                break;
            }
            sleep(1000);
        }
        if (report.path("rejected").asInt() > 0) {
            throw new IllegalStateException("diagnostics-service refused demo results: " + firstRejected(report));
        }
        for (int i = 0; i < report.path("accepted").asInt(); i++) {
            count.accept("diagnosticResults");
        }
    }

    // ---------------------------------------------------------------- routes

    /** Routes are suggested from the results within seconds; wait until their number stops growing. */
    private List<JsonNode> awaitRoutes(Population.Municipality municipality) {
        List<JsonNode> routes = List.of();
        int stable = 0;
        for (int attempt = 0; attempt < 120 && stable < 4; attempt++) {
            List<JsonNode> now = new ArrayList<>();
            for (int page = 0; ; page++) {
                List<JsonNode> batch = items(
                        gateway.get("/api/routes?municipalityId=" + q(municipality.id()) + "&size=200&page=" + page));
                now.addAll(batch);
                if (batch.size() < 200) {
                    break;
                }
            }
            stable = !now.isEmpty() && now.size() == routes.size() ? stable + 1 : 0;
            routes = now;
            sleep(500);
        }
        return routes;
    }

    /**
     * Routes in every state: about half approved by the centre's methodist with a tutor and a due date, of those
     * some under way and some completed; a few cancelled; the rest still suggested.
     */
    private List<JsonNode> followRoutes(Population.Municipality municipality, List<JsonNode> routes, Random random) {
        List<JsonNode> followed = new ArrayList<>();
        String tutor = municipality.methodicalCentre().staff().stream()
                .filter(t -> t.plan().position().equals("METHODIST"))
                .map(Population.Teacher::id)
                .findFirst()
                .orElse(null);
        for (JsonNode route : routes) {
            if (!route.path("status").asText().equals("SUGGESTED")) {
                continue; // an earlier run already followed it
            }
            String id = route.path("id").asText();
            double roll = random.nextDouble();
            if (roll < 0.05) {
                gateway.expectOk(
                        "cancel route",
                        gateway.post("/api/routes/" + q(id) + "/cancel", Map.of("reason", "Педагог уволился")));
                count.accept("routesCancelled");
                continue;
            }
            if (roll > 0.5) {
                continue;
            }
            Map<String, Object> approval = new LinkedHashMap<>();
            approval.put("tutorId", tutor);
            approval.put("dueDate", today.plusDays(150).toString());
            JsonNode approved =
                    gateway.expectOk("approve route", gateway.post("/api/routes/" + q(id) + "/approve", approval));
            count.accept("routesApproved");
            followed.add(approved);
            List<JsonNode> steps = new ArrayList<>();
            approved.path("steps").forEach(steps::add);
            int done = roll < 0.12 ? steps.size() : roll < 0.3 ? 1 : 0;
            for (int i = 0; i < done && i < steps.size(); i++) {
                String stepId = steps.get(i)
                        .path("stepId")
                        .asText(steps.get(i).path("id").asText());
                gateway.expectOk(
                        "step done",
                        gateway.patch(
                                "/api/routes/" + q(id) + "/steps/" + q(stepId),
                                Map.of("status", "DONE", "comment", "Выполнено, подтверждено тьютором")));
                count.accept("routeStepsDone");
            }
        }
        return followed;
    }

    /** Teachers with an approved route sign up for the activities their steps point at (school systems post it). */
    private void registrations(List<JsonNode> approved, List<String> activities, Random random) {
        for (JsonNode current : approved) {
            for (JsonNode step : current.path("steps")) {
                String offer = step.path("offerId").asText("");
                if (!activities.contains(offer) || random.nextDouble() > 0.7) {
                    continue;
                }
                GatewayClient.Answer answer = gateway.post(
                        "/api/activities/" + q(offer) + "/registrations",
                        Map.of("teacherId", current.path("teacherId").asText()));
                if (answer.status() < 300) {
                    count.accept("registrations");
                }
            }
        }
    }

    // ---------------------------------------------------------------- what already happened this autumn

    /**
     * The municipal methodical day held three weeks ago: school systems posted who attended, attendees answered the
     * feedback questionnaire (seed 003's usefulness / relevance / satisfaction).
     */
    private void methodicalDay(Population.Municipality municipality, Random random) {
        String title = "Методический день: итоги муниципального мониторинга профессиональных дефицитов";
        for (JsonNode activity : items(gateway.get("/api/activities?municipalityId=" + q(municipality.id())))) {
            if (title.equals(activity.path("title").asText())
                    && municipality.id().equals(activity.path("municipalityId").asText())) {
                return; // held and reported on an earlier run
            }
        }
        LocalDate held = today.minusDays(21);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionId", municipality.regionId());
        body.put("municipalityId", municipality.id());
        body.put("organizerId", municipality.methodicalCentre().id());
        body.put("title", title);
        body.put("kind", "METHODICAL_DAY");
        body.put("level", "MUNICIPAL");
        body.put("competencyCodes", List.of("ASSESSMENT", "SUBJECT_METHODOLOGY"));
        body.put("format", "IN_PERSON");
        body.put("place", "Информационно-методический центр");
        body.put(
                "startsAt",
                held.atTime(LocalTime.of(10, 0))
                        .toInstant(ZoneOffset.ofHours(5))
                        .toString());
        body.put(
                "endsAt",
                held.atTime(LocalTime.of(15, 0))
                        .toInstant(ZoneOffset.ofHours(5))
                        .toString());
        body.put("publish", true);
        String id = gateway.expectOk("POST methodical day", gateway.post("/api/activities", body))
                .path("id")
                .asText();
        count.accept("activities");
        List<Map<String, Object>> sheet = new ArrayList<>();
        List<String> attended = new ArrayList<>();
        for (Population.Teacher teacher : municipality.teachers()) {
            if (random.nextDouble() < 0.45) {
                sheet.add(Map.of("teacherId", teacher.id(), "attended", true, "date", held.toString()));
                attended.add(teacher.id());
            }
        }
        gateway.expectOk("POST attendance", gateway.post("/api/activities/" + q(id) + "/attendance", sheet));
        attended.forEach(t -> count.accept("attendance"));
        for (String teacherId : attended) {
            if (random.nextDouble() < 0.5) {
                int base = 3 + random.nextInt(3);
                gateway.expectOk(
                        "POST feedback",
                        gateway.post(
                                "/api/activities/" + q(id) + "/feedback",
                                Map.of(
                                        "teacherId",
                                        teacherId,
                                        "usefulness",
                                        base,
                                        "relevance",
                                        Math.max(1, base - random.nextInt(2)),
                                        "satisfaction",
                                        Math.min(5, base + random.nextInt(2)),
                                        "comment",
                                        base >= 4
                                                ? "Полезно, материалы пригодятся на уроках"
                                                : "Хотелось бы больше практики")));
                count.accept("feedback");
            }
        }
    }

    /** City methodical associations (ГМО) of the main subjects, each teacher of the subject a member from September. */
    private void associations(Population.Municipality municipality, Random random) {
        Map<String, String> existing = new LinkedHashMap<>();
        for (JsonNode community : items(gateway.get("/api/communities?municipalityId=" + q(municipality.id())))) {
            if (municipality.id().equals(community.path("municipalityId").asText())) {
                existing.put(
                        community.path("name").asText(), community.path("id").asText());
            }
        }
        for (String subject : List.of("Математика", "Русский язык", "Начальные классы", "Английский язык")) {
            String name = "Городское методическое объединение: " + subject;
            if (existing.containsKey(name)) {
                continue;
            }
            List<Population.Teacher> teachers = municipality.teachers().stream()
                    .filter(t -> t.plan().subjects().contains(subject)
                            && t.plan().position().equals("TEACHER"))
                    .toList();
            if (teachers.isEmpty()) {
                continue;
            }
            Population.Teacher leader = teachers.stream()
                    .filter(t -> t.plan().category().equals("HIGHEST"))
                    .findFirst()
                    .orElse(teachers.get(0));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("level", "MUNICIPAL");
            body.put("kind", "METHODICAL_ASSOCIATION");
            body.put("name", name);
            body.put("subject", subject);
            body.put("municipalityId", municipality.id());
            body.put("leaderTeacherId", leader.id());
            String id = gateway.expectOk("POST /api/communities", gateway.post("/api/communities", body))
                    .path("id")
                    .asText();
            count.accept("communities");
            LocalDate joined = LocalDate.of(Integer.parseInt(schoolYear().substring(0, 4)), 9, 10);
            for (Population.Teacher teacher : teachers) {
                if (random.nextDouble() < 0.75) {
                    gateway.expectOk(
                            "POST member",
                            gateway.post(
                                    "/api/communities/" + q(id) + "/members",
                                    Map.of("teacherId", teacher.id(), "date", joined.toString())));
                    count.accept("memberships");
                }
            }
        }
    }

    /**
     * Every young specialist gets a mentor from the same school (or the municipality); a low-results school is
     * mentored by a stronger one (school-to-school, the mentoring system of seed 004).
     */
    private void mentoring(Population.Municipality municipality, Random random) {
        if (!inMunicipality(items(gateway.get("/api/mentorships")), municipality)
                .isEmpty()) {
            return; // paired on an earlier run
        }
        LocalDate start = LocalDate.of(Integer.parseInt(schoolYear().substring(0, 4)), 9, 15);
        List<Population.Teacher> mentors = municipality.teachers().stream()
                .filter(t -> t.plan().targetGroups().contains("MENTOR"))
                .toList();
        if (!mentors.isEmpty()) {
            for (Population.Teacher mentee : municipality.teachers()) {
                if (!mentee.plan().targetGroups().contains("YOUNG_TEACHER") || random.nextDouble() > 0.85) {
                    continue;
                }
                Population.Teacher mentor = mentors.stream()
                        .filter(m -> m.organizationId().equals(mentee.organizationId()))
                        .findFirst()
                        .orElse(mentors.get(random.nextInt(mentors.size())));
                GatewayClient.Answer answer = gateway.post(
                        "/api/mentorships",
                        Map.of(
                                "form", "TEACHER_TEACHER",
                                "mentorId", mentor.id(),
                                "menteeId", mentee.id(),
                                "startDate", start.toString(),
                                "plannedEndDate", start.plusMonths(9).toString()));
                if (answer.status() < 300) {
                    count.accept("mentorships");
                }
            }
        }
        List<Population.Organization> schools = municipality.organizations().stream()
                .filter(o -> o.plan().type().equals("GENERAL_SCHOOL"))
                .toList();
        Population.Organization strong = schools.stream()
                .filter(o -> o.plan().flags().contains("FLAGSHIP")
                        || o.plan().flags().contains("RESOURCE_CENTRE"))
                .findFirst()
                .orElse(null);
        for (Population.Organization weak : schools) {
            if (strong != null && weak != strong && weak.plan().flags().contains("LOW_RESULTS")) {
                GatewayClient.Answer answer = gateway.post(
                        "/api/mentorships",
                        Map.of(
                                "form", "SCHOOL_SCHOOL",
                                "mentorOrganizationId", strong.id(),
                                "menteeOrganizationId", weak.id(),
                                "startDate", start.toString(),
                                "plannedEndDate", start.plusYears(1).toString()));
                if (answer.status() < 300) {
                    count.accept("mentorships");
                }
            }
        }
    }

    /** Practices of the methodical asset, submitted to the bank and approved by the centre. */
    private void practices(Population.Municipality municipality, Random random) {
        if (!inMunicipality(items(gateway.get("/api/practices")), municipality).isEmpty()) {
            return;
        }
        List<String> titles = List.of(
                "Формирующее оценивание на уроках математики: листы самооценки",
                "Смысловое чтение в начальной школе: приёмы работы с текстом",
                "Наставничество «учитель — молодой учитель»: модель школы",
                "Проектная неделя в 7–9 классах");
        List<List<String>> competencies = List.of(
                List.of("ASSESSMENT"),
                List.of("READING_LITERACY"),
                List.of("PSYCHOLOGICAL_PEDAGOGICAL"),
                List.of("PROJECT_RESEARCH"));
        List<Population.Teacher> authors = municipality.teachers().stream()
                .filter(t -> t.plan().methodicalAsset() || t.plan().category().equals("HIGHEST"))
                .toList();
        for (int i = 0; i < titles.size() && i < authors.size(); i++) {
            Population.Teacher author = authors.get(random.nextInt(authors.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("regionId", municipality.regionId());
            body.put("municipalityId", municipality.id());
            body.put("organizationId", author.organizationId());
            body.put("title", titles.get(i));
            body.put("authorTeacherIds", List.of(author.id()));
            body.put("competencyCodes", competencies.get(i));
            body.put("presentedLevel", "MUNICIPAL");
            body.put("materialsUrl", "https://imc.example.ru/practices/" + (i + 1));
            String id = gateway.expectOk("POST /api/practices", gateway.post("/api/practices", body))
                    .path("id")
                    .asText();
            count.accept("practices");
            if (i < 3) {
                gateway.expectOk("approve practice", gateway.post("/api/practices/" + q(id) + "/approve", Map.of()));
            }
        }
    }

    // ---------------------------------------------------------------- plumbing

    private String schoolYear() {
        int year = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return year + "/" + (year + 1);
    }

    private List<JsonNode> items(GatewayClient.Answer answer) {
        JsonNode body = gateway.expectOk("list", answer);
        List<JsonNode> list = new ArrayList<>();
        JsonNode array = body == null
                ? null
                : body.isArray() ? body : body.has("items") ? body.get("items") : body.get("content");
        if (array != null) {
            array.forEach(list::add);
        }
        return list;
    }

    /** List endpoints do not all filter by municipality: the demo keeps what belongs to this one. */
    private static List<JsonNode> inMunicipality(List<JsonNode> list, Population.Municipality municipality) {
        return list.stream()
                .filter(item ->
                        municipality.id().equals(item.path("municipalityId").asText()))
                .toList();
    }

    private static String firstRejected(JsonNode report) {
        for (String list : List.of("rows", "results")) {
            for (JsonNode row : report.path(list)) {
                if ("REJECTED".equals(row.path("outcome").asText())) {
                    return report.path("rejected").asText() + " rows, e.g. " + row;
                }
            }
        }
        return report.toString().substring(0, Math.min(500, report.toString().length()));
    }

    private static String q(String value) {
        return GatewayClient.query(value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
