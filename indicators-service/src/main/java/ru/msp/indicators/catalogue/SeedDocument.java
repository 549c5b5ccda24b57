package ru.msp.indicators.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The source documents under {@code shared/seeds/}: where the catalogue's indicators and the presets' targets come from. */
public enum SeedDocument {
    /** Nizhny Tagil: programme supporting methodical associations and professional communities, 2024-2027. */
    NIZHNY_TAGIL_PROGRAMME("000_2bc5442ac616a3d2.txt"),
    /** Sverdlovsk region: model of the municipal system of methodical support (no numeric indicators). */
    SVERDLOVSK_MODEL("001_112bc07e94568e7e.txt"),
    /** Berezniki: programme of scientific-methodical support of teachers, 2021-2024, with 14 indicators. */
    BEREZNIKI_PROGRAMME("002_5288e30c49d88bfb.txt"),
    /** Oktyabrsky district (Rostov region): programme of methodical support, September 2021 - August 2024. */
    OKTYABRSKY_PROGRAMME("003_61b94ec4c0ef6efe.txt"),
    /** Korolev (Moscow region): regulation on the municipal system of scientific-methodical support, 7 indicators. */
    KOROLEV_REGULATION("004_9794c990509371ab.txt");

    private final String fileName;

    SeedDocument(String fileName) {
        this.fileName = fileName;
    }

    @JsonValue
    public String fileName() {
        return fileName;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SeedDocument ofFileName(String fileName) {
        return Arrays.stream(values())
                .filter(seed -> seed.fileName.equals(fileName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seed document " + fileName));
    }
}
