package ru.msp.diagnostics;

import ru.msp.contracts.EventScope;
import ru.msp.testsupport.TestTokens;

/** A fresh region, municipality and school for one test, with the tokens of the people working there. */
public record Place(String region, String municipality, String school) {

    public static Place fresh() {
        return new Place(TeacherFeed.id("reg"), TeacherFeed.id("mun"), TeacherFeed.id("org"));
    }

    /** Another school of the same municipality. */
    public Place neighbourSchool() {
        return new Place(region, municipality, TeacherFeed.id("org"));
    }

    /** A school in another municipality of the same region. */
    public Place otherMunicipality() {
        return new Place(region, TeacherFeed.id("mun"), TeacherFeed.id("org"));
    }

    public EventScope scope() {
        return new EventScope(region, municipality, school);
    }

    public String municipalOperator() {
        return TestTokens.municipalOperator(region, municipality);
    }

    public String regionalOperator() {
        return TestTokens.role("REGIONAL_OPERATOR").region(region).bearer();
    }

    public String schoolSystem() {
        return TestTokens.role("SCHOOL_SYSTEM")
                .region(region)
                .municipality(municipality)
                .organization(school)
                .bearer();
    }
}
