package ru.msp.indicators.programme;

import java.util.List;
import ru.msp.indicators.catalogue.SeedDocument;

/**
 * A ready-made programme from a seed document: the indicators a municipality uses and their targets, exactly as the
 * document gives them, with the document's own wording beside each target.
 *
 * @param id stable upper-snake id, e.g. {@code BEREZNIKI_2021_2024}
 * @param sourceDocumentRu the act that approved it, as the document names it
 * @param note choices made where the document is silent or ambiguous (Russian)
 */
public record ProgrammePreset(
        String id,
        String nameRu,
        String municipalityRu,
        String regionRu,
        SeedDocument sourceSeed,
        String sourceDocumentRu,
        ProgrammePeriod period,
        List<PresetTarget> targets,
        String note) {

    public ProgrammePreset {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
