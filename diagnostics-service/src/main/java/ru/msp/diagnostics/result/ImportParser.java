package ru.msp.diagnostics.result;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.msp.diagnostics.result.ResultRequest.ScoreRequest;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import file into rows. CSV is "wide": one row per result, {@code teacherId;campaignId;sourceKind;
 * diagnosedOn} then one column per competency code holding that competency's score (raw on the instrument's scale,
 * or a percentage when it ends in {@code %}; empty when not measured). NDJSON: one {@link ResultRequest} per line.
 * A file that cannot be read as a whole (no header, unknown columns) is refused; a row that cannot be read is
 * reported and the others still go ahead.
 */
final class ImportParser {

    static final int MAX_ROWS = 100_000;
    static final List<String> FIXED = List.of("teacherId", "campaignId", "sourceKind", "diagnosedOn");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final JsonMapper json;

    ImportParser(JsonMapper json) {
        this.json = json;
    }

    /** @param competencyCodes the codes a column may name (every shipped framework version's) */
    List<ImportRow> csv(String body, Set<String> competencyCodes) {
        String text = stripBom(body);
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        if (header.isBlank()) {
            throw fileProblem("the file is empty: the first line must be the header " + String.join(";", FIXED)
                    + ";<competency codes>");
        }
        char delimiter = count(header, ';') >= count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(false)
                .get();
        List<ImportRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> fixedColumns = new LinkedHashMap<>();
            List<String> codeColumns = new ArrayList<>();
            List<FieldProblem> headerProblems = new ArrayList<>();
            for (String column : parser.getHeaderNames()) {
                String fixed = FIXED.stream()
                        .filter(f -> f.equalsIgnoreCase(column))
                        .findFirst()
                        .orElse(null);
                if (fixed != null) {
                    fixedColumns.put(fixed, column);
                } else if (competencyCodes.contains(column.toUpperCase(Locale.ROOT))) {
                    codeColumns.add(column);
                } else {
                    headerProblems.add(
                            new FieldProblem("header", "neither one of " + FIXED + " nor a competency code", column));
                }
            }
            for (String fixed : FIXED) {
                if (!fixedColumns.containsKey(fixed)) {
                    headerProblems.add(new FieldProblem("header", "column " + fixed + " is missing", null));
                }
            }
            if (codeColumns.isEmpty()) {
                headerProblems.add(new FieldProblem("header", "name at least one competency code as a column", null));
            }
            if (!headerProblems.isEmpty()) {
                throw RequestRejectedException.invalid(headerProblems);
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw fileProblem("at most " + MAX_ROWS + " rows per import");
                }
                rows.add(csvRow(record, fixedColumns, codeColumns, delimiter));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw fileProblem("the file is not readable as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static ImportRow csvRow(
            CSVRecord record, Map<String, String> fixedColumns, List<String> codeColumns, char delimiter) {
        // the header is line 1; records count from 1
        int line = (int) record.getRecordNumber() + 1;
        List<FieldProblem> problems = new ArrayList<>();
        String teacherId = cell(record, fixedColumns.get("teacherId"));
        String campaignId = cell(record, fixedColumns.get("campaignId"));
        String sourceKind = cell(record, fixedColumns.get("sourceKind"));
        if (sourceKind != null) {
            sourceKind = sourceKind.toUpperCase(Locale.ROOT);
        }
        if (!record.isConsistent()) {
            problems.add(new FieldProblem(
                    "row",
                    "has " + record.size() + " cells, the header "
                            + record.getParser().getHeaderNames().size(),
                    null));
        }
        LocalDate diagnosedOn = null;
        String date = cell(record, fixedColumns.get("diagnosedOn"));
        if (date != null) {
            diagnosedOn = date(date);
            if (diagnosedOn == null) {
                problems.add(new FieldProblem("diagnosedOn", "must be a date, 2025-10-15 or 15.10.2025", date));
            }
        }
        List<ScoreRequest> scores = new ArrayList<>();
        for (String column : codeColumns) {
            String value = cell(record, column);
            if (value == null) {
                continue;
            }
            String code = column.toUpperCase(Locale.ROOT);
            boolean percent = value.endsWith("%");
            String number = (percent ? value.substring(0, value.length() - 1) : value).strip();
            if (delimiter == ';') {
                number = number.replace(',', '.'); // decimal comma of Russian spreadsheets
            }
            try {
                BigDecimal parsed = new BigDecimal(number);
                scores.add(percent ? new ScoreRequest(code, null, parsed) : new ScoreRequest(code, parsed, null));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(column, "must be a number (or a percentage like 75%)", value));
            }
        }
        ResultRequest request = new ResultRequest(campaignId, teacherId, sourceKind, diagnosedOn, scores);
        return problems.isEmpty() ? ImportRow.of(line, request) : ImportRow.unreadable(line, request, problems);
    }

    List<ImportRow> ndjson(String body) {
        String[] lines = stripBom(body).split("\r?\n", -1);
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw fileProblem("at most " + MAX_ROWS + " rows per import");
            }
            try {
                rows.add(ImportRow.of(i + 1, json.readValue(line, ResultRequest.class)));
            } catch (JacksonException e) {
                rows.add(ImportRow.unreadable(
                        i + 1,
                        null,
                        List.of(new FieldProblem("line", "not a result: " + e.getOriginalMessage(), null))));
            }
        }
        return rows;
    }

    private static String cell(CSVRecord record, String column) {
        if (column == null || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(value, RUSSIAN_DATE);
            } catch (DateTimeParseException russian) {
                return null;
            }
        }
    }

    private static String stripBom(String body) {
        return body != null && body.startsWith("\uFEFF") ? body.substring(1) : body == null ? "" : body;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }

    private static RequestRejectedException fileProblem(String message) {
        return RequestRejectedException.invalid(List.of(FieldProblem.of("file", message)));
    }
}
