package ru.msp.contracts;

/**
 * The tenant an event belongs to, carried as the CloudEvents extensions {@code regionid}, {@code municipalityid}
 * and {@code organizationid}. Organisation is absent for region- or municipality-level facts.
 */
public record EventScope(String regionId, String municipalityId, String organizationId) {

    public static EventScope region(String regionId) {
        return new EventScope(regionId, null, null);
    }

    public static EventScope municipality(String regionId, String municipalityId) {
        return new EventScope(regionId, municipalityId, null);
    }
}
