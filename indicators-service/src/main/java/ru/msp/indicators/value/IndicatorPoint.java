package ru.msp.indicators.value;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import ru.msp.support.tenancy.TenantFields;
import ru.msp.support.tenancy.TenantKey;
import ru.msp.support.tenancy.TenantOwned;

/** A municipality's or region's value on a day it changed (the last of that day): the time series. */
@Document(IndicatorPoint.COLLECTION)
@TenantFields(organization = "", teacher = "")
public record IndicatorPoint(
        @Id String id,
        String counterId,
        String indicatorCode,
        String period,
        ScopeKind scopeKind,
        String scopeId,
        String regionId,
        String municipalityId,
        LocalDate date,
        long numerator,
        long denominator)
        implements TenantOwned {

    public static final String COLLECTION = "indicator_points";

    @Override
    public TenantKey tenantKey() {
        return new TenantKey(regionId, municipalityId, null, null);
    }
}
