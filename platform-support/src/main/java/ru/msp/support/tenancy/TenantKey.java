package ru.msp.support.tenancy;

/**
 * Where a piece of data belongs: region, municipality, organisation, teacher. Unknown levels are null (a
 * municipality-level activity has no organisation, a school has no teacher).
 */
public record TenantKey(String regionId, String municipalityId, String organizationId, String teacherId) {

    public static TenantKey region(String regionId) {
        return new TenantKey(regionId, null, null, null);
    }

    public static TenantKey municipality(String regionId, String municipalityId) {
        return new TenantKey(regionId, municipalityId, null, null);
    }

    public static TenantKey organization(String regionId, String municipalityId, String organizationId) {
        return new TenantKey(regionId, municipalityId, organizationId, null);
    }
}
