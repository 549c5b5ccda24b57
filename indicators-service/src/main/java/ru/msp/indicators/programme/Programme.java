package ru.msp.indicators.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.indicators.catalogue.Direction;
import ru.msp.indicators.catalogue.SchoolYear;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/**
 * One municipality's programme: the indicators it uses, their targets and the school years it runs. Created from the
 * preset named in {@code MunicipalityRegistered}, then edited by the municipality's operator.
 *
 * @param id the municipality id
 * @param presetId the preset it started from, or null
 * @param sourceEventTime time of the {@code MunicipalityRegistered} that created it (null when created by a PUT)
 */
@Document(Programme.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record Programme(
        @Id String id,
        String regionId,
        String municipalityId,
        String municipalityName,
        String presetId,
        LocalDate from,
        LocalDate to,
        List<SchoolYear> schoolYears,
        List<Target> targets,
        Instant sourceEventTime,
        Instant updatedAt,
        String updatedBy)
        implements TenantOwned {

    public static final String COLLECTION = "programmes";

    public Programme {
        schoolYears = schoolYears == null ? List.of() : List.copyOf(schoolYears);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    @Override
    public TenantKey tenantKey() {
        return TenantKey.municipality(regionId, municipalityId);
    }

    public Optional<Target> target(String indicatorCode) {
        return targets.stream()
                .filter(t -> t.indicatorCode().equals(indicatorCode))
                .findFirst();
    }

    /**
     * One indicator of the programme.
     *
     * @param value the target (percent for a SHARE); null = tracked without a target
     * @param yearlyTargets per school year where the programme sets them; otherwise {@code value} for every year
     */
    public record Target(
            String indicatorCode, BigDecimal value, Direction direction, List<YearlyTarget> yearlyTargets) {

        public Target {
            yearlyTargets = yearlyTargets == null ? List.of() : List.copyOf(yearlyTargets);
        }

        /** The target a school year's value is compared with. */
        public Optional<BigDecimal> targetFor(SchoolYear year) {
            return yearlyTargets.stream()
                    .filter(y -> y.schoolYear().equals(year))
                    .map(YearlyTarget::value)
                    .findFirst()
                    .or(() -> Optional.ofNullable(value));
        }
    }

    public record YearlyTarget(SchoolYear schoolYear, BigDecimal value) {}
}
