package ru.msp.diagnostics.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.msp.diagnostics.result.ResultRequest.ScoreRequest;
import ru.msp.support.problem.FieldProblem;
import ru.msp.support.problem.RequestRejectedException;
import tools.jackson.databind.json.JsonMapper;

class ImportParserTest {

    static final Set<String> CODES = Set.of("ASSESSMENT", "READING_LITERACY");
    final ImportParser parser = new ImportParser(JsonMapper.builder().build());

    @Test
    void aSpreadsheetExportWithBomSemicolonsDecimalCommasPercentagesAndRussianDates() {
        List<ImportRow> rows = parser.csv(
                "\uFEFFTeacherId;CampaignId;SourceKind;DiagnosedOn;assessment;READING_LITERACY\r\n"
                        + "t-1;c-1;expert;15.10.2025;12,5;75%\r\n"
                        + "\r\n"
                        + "t-2;c-1;INSTRUMENT;2025-10-16;;80\r\n",
                CODES);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).unreadable()).isEmpty();
        assertThat(rows.get(0).request())
                .isEqualTo(new ResultRequest(
                        "c-1",
                        "t-1",
                        "EXPERT",
                        LocalDate.of(2025, 10, 15),
                        List.of(
                                new ScoreRequest("ASSESSMENT", new BigDecimal("12.5"), null),
                                new ScoreRequest("READING_LITERACY", null, new BigDecimal("75")))));
        // an empty cell is a competency not measured
        assertThat(rows.get(1).request().scores())
                .containsExactly(new ScoreRequest("READING_LITERACY", new BigDecimal("80"), null));
    }

    @Test
    void commasDelimitWhenTheHeaderHasMoreOfThem() {
        List<ImportRow> rows = parser.csv(
                "teacherId,campaignId,sourceKind,diagnosedOn,ASSESSMENT\nt-1,c-1,INSTRUMENT,2025-10-15,\"61.5\"\n",
                CODES);

        assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r.request().scores())
                        .containsExactly(new ScoreRequest("ASSESSMENT", new BigDecimal("61.5"), null)));
    }

    @Test
    void aBadCellSpoilsItsRowOnlyAndTheRowKeepsItsIdsForTheReport() {
        List<ImportRow> rows = parser.csv(
                "teacherId;campaignId;sourceKind;diagnosedOn;ASSESSMENT\n"
                        + "t-1;c-1;INSTRUMENT;yesterday;abc\n"
                        + "t-2;c-1;INSTRUMENT;2025-10-15;50\n",
                CODES);

        assertThat(rows.get(0).unreadable())
                .extracting(FieldProblem::field)
                .containsExactly("diagnosedOn", "ASSESSMENT");
        assertThat(rows.get(0).request().teacherId()).isEqualTo("t-1");
        assertThat(rows.get(1).unreadable()).isEmpty();
    }

    @Test
    void aHeaderWithoutTheFixedColumnsOrWithUnknownCodesRefusesTheFile() {
        assertThatThrownBy(() -> parser.csv("teacherId;ASSESMENT\nt-1;50\n", CODES))
                .isInstanceOfSatisfying(
                        RequestRejectedException.class,
                        e -> assertThat(e.fieldProblems())
                                .extracting(FieldProblem::message)
                                .contains(
                                        "neither one of [teacherId, campaignId, sourceKind, diagnosedOn] nor a competency code",
                                        "column campaignId is missing",
                                        "name at least one competency code as a column"));
        assertThatThrownBy(() -> parser.csv("", CODES)).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void ndjsonLinesAreResultsAndAnUnreadableLineIsReportedByItsNumber() {
        List<ImportRow> rows = parser.ndjson("{\"teacherId\":\"t-1\",\"campaignId\":\"c-1\",\"sourceKind\":\"EXPERT\","
                + "\"diagnosedOn\":\"2025-10-15\",\"scores\":[{\"competencyCode\":\"ASSESSMENT\",\"percent\":80}]}\n"
                + "\n"
                + "[1,2]\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).request().scores())
                .containsExactly(new ScoreRequest("ASSESSMENT", null, new BigDecimal("80")));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).unreadable()).extracting(FieldProblem::field).containsExactly("line");
    }
}
