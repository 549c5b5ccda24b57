package ru.msp.indicators.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import ru.msp.indicators.value.IndicatorValue;
import ru.msp.indicators.value.IndicatorValues;
import ru.msp.indicators.value.ScopeRef;
import ru.msp.indicators.value.ScopeValues;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import ru.msp.support.tenancy.TenantScope;

/** {@code GET /api/indicators/export?scope=&period=&format=csv|xlsx}: a scope's values as a file. */
@RestController
@RequestMapping("/api/indicators/export")
class ExportHandler {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final List<String> HEADER = List.of(
            "indicatorCode",
            "nameRu",
            "unit",
            "numerator",
            "denominator",
            "value",
            "target",
            "direction",
            "status",
            "inProgramme");

    private final IndicatorValues values;

    ExportHandler(IndicatorValues values) {
        this.values = values;
    }

    @GetMapping
    Mono<ResponseEntity<byte[]>> export(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "csv") String format) {
        ScopeRef ref = ScopeRef.parse("scope", scope);
        if (!format.equals("csv") && !format.equals("xlsx")) {
            return Mono.error(
                    RequestRejectedException.invalid(List.of(new FieldProblem("format", "csv or xlsx", format))));
        }
        return TenantScope.current()
                .flatMap(caller -> values.values(caller, ref, values.period(period)))
                .publishOn(Schedulers.boundedElastic())
                .map(v -> {
                    String name = "indicators-" + ref.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + ref.id()
                            + "-" + v.period().replace('/', '-') + "." + format;
                    byte[] body = format.equals("csv") ? csv(v) : xlsx(v);
                    return ResponseEntity.ok()
                            .contentType(format.equals("csv") ? CSV : XLSX)
                            .header(
                                    HttpHeaders.CONTENT_DISPOSITION,
                                    ContentDisposition.attachment()
                                            .filename(name)
                                            .build()
                                            .toString())
                            .body(body);
                });
    }

    /** RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Cyrillic names right. */
    static byte[] csv(ScopeValues v) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", HEADER)).append("\r\n");
        for (IndicatorValue value : v.values()) {
            List<String> cells = List.of(
                    value.indicatorCode(),
                    value.nameRu(),
                    value.unit().name(),
                    Long.toString(value.numerator()),
                    Long.toString(value.denominator()),
                    text(value.value()),
                    text(value.target()),
                    value.direction().name(),
                    value.status(),
                    Boolean.toString(value.inProgramme()));
            out.append(String.join(
                            ",", cells.stream().map(ExportHandler::quoted).toList()))
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ScopeValues v) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Indicators");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(v.scope());
            title.createCell(1).setCellValue(v.period());
            Row header = sheet.createRow(1);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 2;
            for (IndicatorValue value : v.values()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(value.indicatorCode());
                row.createCell(1).setCellValue(value.nameRu());
                row.createCell(2).setCellValue(value.unit().name());
                row.createCell(3).setCellValue(value.numerator());
                row.createCell(4).setCellValue(value.denominator());
                if (value.value() != null) {
                    row.createCell(5).setCellValue(value.value().doubleValue());
                }
                if (value.target() != null) {
                    row.createCell(6).setCellValue(value.target().doubleValue());
                }
                row.createCell(7).setCellValue(value.direction().name());
                row.createCell(8).setCellValue(value.status());
                row.createCell(9).setCellValue(value.inProgramme());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
