package ru.msp.teacher.teacher;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import ru.msp.contracts.TargetGroup;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import file into rows; plain Java. CSV: UTF-8 (a Windows-1251 file, as older school systems save it, is
 * recognised too), optional BOM, {@code ;} or {@code ,} taken from the header line, a header row whose column names
 * may be English (the API's field names) or Russian as school systems export them («Фамилия», «Дата рождения»,
 * «Педагогический стаж с», «Квалификационная категория», «Внешний идентификатор» …); unknown columns are ignored and
 * reported. NDJSON: one JSON object per line with the same names. Values may be the API's codes or the Russian words
 * («Учитель», «Заместитель директора», «Высшая», «да»); dates yyyy-MM-dd or dd.MM.yyyy; lists separated by {@code ,}
 * {@code ;} or {@code |}. A value that cannot be read is a problem of its row, never of the file.
 */
public final class TeacherImportFile {

    /** Everything read: the rows and the columns that were not understood. */
    public record Parsed(List<ImportRow> rows, List<String> ignoredColumns) {}

    static final int MAX_ROWS = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,;|]\\s*");
    // compiled once: these run for every value of every row
    private static final Pattern POSITION_CODE = Pattern.compile(TeacherRegistration.POSITIONS);
    private static final Pattern NOT_NAME_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern NOT_WORD_CHARACTERS = Pattern.compile("[^\\p{L}\\p{N}+]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final DateTimeFormatter RUSSIAN_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASH_DATE =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Normalised column name → field of {@link TeacherRegistration} ({@code fullName} is split into three). */
    private static final Map<String, String> COLUMNS = columns();

    private TeacherImportFile() {}

    /** The text of an uploaded file: UTF-8, or Windows-1251 when the bytes are no UTF-8; without a BOM. */
    public static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, Charset.forName("windows-1251"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public static Parsed csv(String text) {
        int headerEnd = text.indexOf('\n');
        String header = headerEnd < 0 ? text : text.substring(0, headerEnd);
        if (header.isBlank()) {
            throw fileProblem("the file is empty: a header row and data rows are expected");
        }
        char delimiter = count(header, ';') >= count(header, ',') && count(header, ';') > 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> names = parser.getHeaderNames();
            Map<Integer, String> fieldByIndex = new LinkedHashMap<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String field = COLUMNS.get(normaliseName(names.get(i)));
                if (field == null || fieldByIndex.containsValue(field)) {
                    if (!names.get(i).isBlank()) {
                        ignored.add(names.get(i));
                    }
                } else {
                    fieldByIndex.put(i, field);
                }
            }
            requireColumns(fieldByIndex.values());
            List<ImportRow> rows = new ArrayList<>();
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (number > MAX_ROWS) {
                    throw fileProblem("at most " + MAX_ROWS + " rows per file");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                fieldByIndex.forEach((index, field) -> {
                    if (index < record.size() && !record.get(index).isBlank()) {
                        values.put(field, record.get(index));
                    }
                });
                rows.add(row(number, values));
            }
            return new Parsed(rows, ignored);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw fileProblem("the CSV cannot be read: " + e.getMessage());
        }
    }

    public static Parsed ndjson(String text) {
        List<ImportRow> rows = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw fileProblem("at most " + MAX_ROWS + " rows per file");
            }
            JsonNode node;
            try {
                node = JSON.readTree(lines[i]);
            } catch (JacksonException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                rows.add(new ImportRow(i + 1, null, List.of(FieldProblem.of("row", "is not a JSON object"))));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String field = COLUMNS.get(normaliseName(property.getKey()));
                JsonNode value = property.getValue();
                if (field == null) {
                    ignored.add(property.getKey());
                } else if (value.isArray()) {
                    List<String> items = new ArrayList<>();
                    value.forEach(item -> items.add(item.asString()));
                    values.put(field, items);
                } else if (!value.isNull() && !value.asString().isBlank()) {
                    values.put(field, value.asString());
                }
            }
            rows.add(row(i + 1, values));
        }
        return new Parsed(rows, List.copyOf(ignored));
    }

    /** A row's values (by field) read into a registration, each unreadable value a problem. */
    static ImportRow row(int number, Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        String lastName = text(values, "lastName");
        String firstName = text(values, "firstName");
        String middleName = text(values, "middleName");
        String fullName = text(values, "fullName");
        if (fullName != null && lastName == null && firstName == null) {
            String[] parts = SPACES.split(fullName.strip(), 3);
            lastName = parts[0];
            firstName = parts.length > 1 ? parts[1] : null;
            middleName = parts.length > 2 ? parts[2] : middleName;
        }
        String category = category(text(values, "category"));
        TeacherRegistration registration = new TeacherRegistration(
                text(values, "organizationId"),
                text(values, "externalId"),
                lastName,
                firstName,
                middleName,
                position(text(values, "position")),
                list(values, "subjects"),
                date(values, "birthDate", problems),
                date(values, "pedagogicalStartDate", problems),
                category,
                date(values, "categoryDate", problems),
                targetGroups(list(values, "targetGroups"), problems),
                yesNo(values, "methodicalAsset", problems),
                expertKinds(list(values, "expertKinds")),
                yesNo(values, "registryExpert", problems));
        return new ImportRow(number, registration, problems);
    }

    private static void requireColumns(Collection<String> fields) {
        List<String> missing = new ArrayList<>();
        if (!fields.contains("lastName") && !fields.contains("fullName")) {
            missing.add("lastName (Фамилия)");
        }
        if (!fields.contains("firstName") && !fields.contains("fullName")) {
            missing.add("firstName (Имя)");
        }
        if (!fields.contains("externalId")) {
            missing.add("externalId (Внешний идентификатор)");
        }
        if (!missing.isEmpty()) {
            throw fileProblem("the header lacks the columns " + String.join(", ", missing));
        }
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value instanceof List<?> list) {
            return list.isEmpty()
                    ? null
                    : String.join(",", list.stream().map(String::valueOf).toList());
        }
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static List<String> list(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> items.add(String.valueOf(item).strip()));
        } else {
            items.addAll(Arrays.asList(LIST_SEPARATOR.split(value.toString().strip())));
        }
        items.removeIf(String::isBlank);
        return items;
    }

    private static LocalDate date(Map<String, Object> values, String field, List<FieldProblem> problems) {
        String value = text(values, field);
        if (value == null) {
            return null;
        }
        // an export from a spreadsheet may carry a time after the date
        int time = value.indexOf(' ') >= 0 ? value.indexOf(' ') : value.indexOf('T');
        String day = time > 0 ? value.substring(0, time) : value;
        for (DateTimeFormatter format :
                new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, RUSSIAN_DATE, SLASH_DATE}) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        problems.add(new FieldProblem(field, "must be a date dd.MM.yyyy or yyyy-MM-dd", value));
        return null;
    }

    private static Boolean yesNo(Map<String, Object> values, String field, List<FieldProblem> problems) {
        String value = text(values, field);
        if (value == null) {
            return null;
        }
        switch (value.strip().equals("-") ? "-" : normaliseWord(value)) {
            case "да", "yes", "true", "1", "+", "y", "д" -> {
                return true;
            }
            case "нет", "no", "false", "0", "-", "n", "н" -> {
                return false;
            }
            default -> {
                problems.add(new FieldProblem(field, "must be да or нет", value));
                return null;
            }
        }
    }

    /** A position code, or the code of a Russian job title; an unknown word stays as it is for the validator. */
    static String position(String value) {
        if (value == null) {
            return null;
        }
        String word = normaliseWord(value);
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (POSITION_CODE.matcher(code).matches()) {
            return code;
        }
        if (word.startsWith("заместитель") || word.startsWith("зам ")) {
            return "DEPUTY_DIRECTOR";
        }
        if (word.startsWith("директор") || word.startsWith("руководитель") || word.startsWith("заведующ")) {
            return "DIRECTOR";
        }
        if (word.contains("логопед")) {
            return "SPEECH_THERAPIST";
        }
        if (word.contains("дефектолог")) {
            return "DEFECTOLOGIST";
        }
        if (word.contains("психолог")) {
            return "PSYCHOLOGIST";
        }
        if (word.contains("дополнительного образования")) {
            return "ADDITIONAL_EDUCATION_TEACHER";
        }
        if (word.startsWith("старший воспитатель")) {
            return "SENIOR_EDUCATOR";
        }
        if (word.startsWith("воспитатель")) {
            return "EDUCATOR";
        }
        if (word.startsWith("методист") || word.startsWith("старший методист")) {
            return "METHODIST";
        }
        if (word.startsWith("тьютор")) {
            return "TUTOR";
        }
        if (word.startsWith("учитель") || word.startsWith("преподаватель") || word.startsWith("педагог")) {
            return "TEACHER";
        }
        return value.strip();
    }

    static String category(String value) {
        if (value == null) {
            return null;
        }
        String word = normaliseWord(value);
        if (word.isEmpty()
                || word.equals("нет")
                || word.startsWith("без")
                || word.startsWith("соответствие")
                || word.equals("сзд")
                || word.equals("none")) {
            return "NONE";
        }
        if (word.startsWith("перв") || word.equals("1") || word.equals("first")) {
            return "FIRST";
        }
        if (word.startsWith("высш") || word.equals("highest")) {
            return "HIGHEST";
        }
        return value.strip();
    }

    private static Set<TargetGroup> targetGroups(List<String> values, List<FieldProblem> problems) {
        if (values == null) {
            return null;
        }
        Set<TargetGroup> groups = new TreeSet<>();
        for (String value : values) {
            String word = normaliseWord(value);
            TargetGroup group = Arrays.stream(TargetGroup.values())
                    .filter(g -> g.name().equalsIgnoreCase(value.strip()))
                    .findFirst()
                    .orElse(null);
            if (group == null) {
                if (word.startsWith("молод")) {
                    group = TargetGroup.YOUNG_TEACHER;
                } else if (word.startsWith("наставник")) {
                    group = TargetGroup.MENTOR;
                } else if (word.contains("шнор") || word.contains("низкими") || word.contains("низкие")) {
                    group = TargetGroup.LOW_RESULTS_SCHOOL;
                } else if (word.contains("овз") || word.contains("инвалид")) {
                    group = TargetGroup.DISABILITIES;
                } else if (word.contains("одаренн")) {
                    group = TargetGroup.GIFTED;
                }
            }
            if (group == null) {
                problems.add(new FieldProblem(
                        "targetGroups", "must be one of " + Arrays.toString(TargetGroup.values()), value));
            } else {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Codes, or ГИА/ЕГЭ/ОГЭ, аттестация, конкурсы; an unknown word stays for the validator. */
    private static Set<String> expertKinds(List<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> kinds = new TreeSet<>();
        for (String value : values) {
            String word = normaliseWord(value);
            if (word.contains("гиа") || word.contains("егэ") || word.contains("огэ") || word.contains("экзам")) {
                kinds.add("STATE_EXAMS");
            } else if (word.startsWith("аттестац")) {
                kinds.add("ATTESTATION");
            } else if (word.startsWith("конкурс")) {
                kinds.add("COMPETITIONS");
            } else {
                kinds.add(value.strip().toUpperCase(Locale.ROOT));
            }
        }
        return kinds;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /** Lower case, ё as е, letters and digits only: «Дата начала пед. деятельности» → датаначалапеддеятельности. */
    static String normaliseName(String name) {
        return NOT_NAME_CHARACTER
                .matcher(name.toLowerCase(Locale.ROOT).replace('ё', 'е'))
                .replaceAll("");
    }

    /** Lower case, ё as е, anything but letters, digits and + - as one space. */
    private static String normaliseWord(String value) {
        String words = NOT_WORD_CHARACTERS
                .matcher(value.toLowerCase(Locale.ROOT).replace('ё', 'е'))
                .replaceAll(" ");
        return SPACES.matcher(words.strip()).replaceAll(" ");
    }

    private static RequestRejectedException fileProblem(String message) {
        return RequestRejectedException.invalid(List.of(FieldProblem.of("file", message)));
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        put(columns, "organizationId", "organizationId", "Организация", "ID организации", "Идентификатор организации");
        put(
                columns,
                "externalId",
                "externalId",
                "ID",
                "Внешний идентификатор",
                "Идентификатор",
                "Код сотрудника",
                "Табельный номер",
                "Код");
        put(columns, "lastName", "lastName", "Фамилия");
        put(columns, "firstName", "firstName", "Имя");
        put(columns, "middleName", "middleName", "Отчество");
        put(columns, "fullName", "fullName", "ФИО", "Ф.И.О.", "Фамилия Имя Отчество");
        put(columns, "position", "position", "Должность", "Занимаемая должность");
        put(
                columns,
                "subjects",
                "subjects",
                "Предметы",
                "Предмет",
                "Преподаваемые предметы",
                "Преподаваемые дисциплины");
        put(columns, "birthDate", "birthDate", "Дата рождения");
        put(
                columns,
                "pedagogicalStartDate",
                "pedagogicalStartDate",
                "Дата начала педагогической деятельности",
                "Педагогический стаж с",
                "Пед. стаж с",
                "Дата начала педагогического стажа",
                "Дата начала пед. стажа");
        put(columns, "category", "category", "Квалификационная категория", "Категория");
        put(
                columns,
                "categoryDate",
                "categoryDate",
                "Дата присвоения категории",
                "Дата категории",
                "Дата присвоения квалификационной категории");
        put(columns, "targetGroups", "targetGroups", "Целевые группы", "Целевая группа");
        put(columns, "methodicalAsset", "methodicalAsset", "Методический актив");
        put(columns, "expertKinds", "expertKinds", "Экспертная деятельность", "Виды экспертной деятельности");
        put(
                columns,
                "registryExpert",
                "registryExpert",
                "Эксперт регионального реестра",
                "Региональный реестр экспертов");
        return Map.copyOf(columns);
    }

    private static void put(Map<String, String> columns, String field, String... names) {
        for (String name : names) {
            columns.put(normaliseName(name), field);
        }
    }
}
