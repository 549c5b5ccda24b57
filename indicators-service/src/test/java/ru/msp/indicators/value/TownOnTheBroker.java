package ru.msp.indicators.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import ru.msp.contracts.CloudEventCodec;
import ru.msp.contracts.DomainEvent;
import ru.msp.contracts.EventCatalog;
import ru.msp.contracts.EventPayload;
import ru.msp.contracts.EventScope;
import ru.msp.contracts.EventType;
import ru.msp.contracts.diagnostics.CompetencyResult;
import ru.msp.contracts.diagnostics.DiagnosticCompleted;
import ru.msp.contracts.teacher.MunicipalityRegistered;
import ru.msp.contracts.teacher.OrganizationRegistered;
import ru.msp.contracts.teacher.TeacherFacts;
import ru.msp.contracts.teacher.TeacherRegistered;
import ru.msp.indicators.catalogue.SchoolYear;

/** A small municipality published to the real broker as the owning services would: fresh ids per instance. */
final class TownOnTheBroker {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String region = "reg-" + run;
    final String otherRegion = "reg2-" + run;
    final String municipality = "mun-" + run;
    final String neighbour = "mun2-" + run;
    final String far = "mun3-" + run;
    final String school = "org-" + run;
    final SchoolYear year = SchoolYear.containing(LocalDate.now(ZoneOffset.UTC));
    private final KafkaTemplate<String, String> kafka;

    TownOnTheBroker(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    String teacher(int n) {
        return "t" + n + "-" + run;
    }

    /** Korolev's programme in {@code municipality}, a neighbour without one, a far municipality in another region. */
    TownOnTheBroker registered(int teachers) {
        send(
                EventCatalog.MUNICIPALITY_REGISTERED,
                region,
                municipality,
                null,
                new MunicipalityRegistered(municipality, region, "Королёв", "KOROLEV"));
        send(
                EventCatalog.MUNICIPALITY_REGISTERED,
                region,
                neighbour,
                null,
                new MunicipalityRegistered(neighbour, region, "Соседний", null));
        send(
                EventCatalog.MUNICIPALITY_REGISTERED,
                otherRegion,
                far,
                null,
                new MunicipalityRegistered(far, otherRegion, "Дальний", null));
        send(
                EventCatalog.ORGANIZATION_REGISTERED,
                region,
                municipality,
                school,
                new OrganizationRegistered(school, "Школа", "GENERAL_SCHOOL", Set.of("MENTORING_MODEL")));
        for (int n = 1; n <= teachers; n++) {
            send(
                    EventCatalog.TEACHER_REGISTERED,
                    region,
                    municipality,
                    school,
                    new TeacherRegistered(teacher(n), facts()));
        }
        return this;
    }

    DomainEvent<DiagnosticCompleted> diagnosis(int n) {
        return diagnosis(n, "");
    }

    /** Sent events, in order (for measurements). */
    final List<DomainEvent<?>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    DomainEvent<DiagnosticCompleted> diagnosis(int n, String variant) {
        return event(
                EventCatalog.DIAGNOSTIC_COMPLETED,
                region,
                municipality,
                school,
                new DiagnosticCompleted(
                        "res-" + n + "-" + run + variant,
                        teacher(n),
                        "camp",
                        "MUNICIPAL",
                        "INSTRUMENT",
                        "v1",
                        LocalDate.now(ZoneOffset.UTC),
                        year.toString(),
                        "TEACHER",
                        Set.of(),
                        List.of(new CompetencyResult(
                                "ASSESSMENT",
                                java.math.BigDecimal.valueOf(85),
                                java.math.BigDecimal.valueOf(100),
                                null)),
                        List.of()));
    }

    void send(DomainEvent<?> event) {
        sent.add(event);
        kafka.send(event.topic().name(), event.subject(), CloudEventCodec.encodeToString(event))
                .join();
    }

    <P extends EventPayload> void send(EventType<P> type, String r, String m, String o, P data) {
        send(event(type, r, m, o, data));
    }

    static <P extends EventPayload> DomainEvent<P> event(EventType<P> type, String r, String m, String o, P data) {
        return new DomainEvent<>(
                UUID.randomUUID().toString(),
                "/test",
                type,
                Instant.now(),
                new EventScope(r, m, o),
                "corr",
                null,
                data);
    }

    private TeacherFacts facts() {
        return facts(Set.of());
    }

    TeacherFacts facts(Set<ru.msp.contracts.TargetGroup> groups) {
        return new TeacherFacts(
                school,
                "TEACHER",
                List.of("MATH"),
                LocalDate.of(1980, 1, 1),
                LocalDate.of(2005, 9, 1),
                "FIRST",
                null,
                groups,
                false,
                Set.of(),
                false);
    }
}
