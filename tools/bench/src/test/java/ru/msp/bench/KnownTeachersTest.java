package ru.msp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import ru.msp.demo.GatewayClient.Answer;

/** A failed read of a campaign's progress is told apart from a count of zero. */
class KnownTeachersTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aProgressAnswerGivesItsTarget() throws Exception {
        Answer answer = new Answer(200, json.readTree("{\"target\": 95794, \"diagnosed\": 12}"), "");

        assertThat(PlatformBench.knownTeachers(answer, -1)).isEqualTo(95794);
    }

    @Test
    void anErrorAnswerOrOneWithoutATargetIsAFailedRead() throws Exception {
        Answer problem = new Answer(500, json.readTree("{\"status\": 500, \"title\": \"Internal Server Error\"}"), "");
        Answer timeout = new Answer(504, null, "");
        Answer noTarget = new Answer(200, json.readTree("{}"), "");

        assertThat(PlatformBench.knownTeachers(problem, -1)).isEqualTo(-1);
        assertThat(PlatformBench.knownTeachers(timeout, -1)).isEqualTo(-1);
        assertThat(PlatformBench.knownTeachers(noTarget, -1)).isEqualTo(-1);
        assertThat(PlatformBench.knownTeachers(new Answer(200, json.readTree("{\"target\": 0}"), ""), -1))
                .as("a real zero")
                .isZero();
    }
}
