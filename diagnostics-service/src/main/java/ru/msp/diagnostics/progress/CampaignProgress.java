package ru.msp.diagnostics.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ru.msp.diagnostics.campaign.Campaign;
import ru.msp.diagnostics.teacher.KnownTeacher;

/**
 * How far a campaign has got: of its target population (known, not departed, targeted teachers the caller may see),
 * how many have at least one result in it, in total and per organisation.
 *
 * @param percent diagnosed / target × 100, one decimal; 0 when the target is empty
 */
public record CampaignProgress(
        String campaignId, int target, int diagnosed, BigDecimal percent, List<OrganizationProgress> organizations) {

    public record OrganizationProgress(
            String organizationId, String municipalityId, int target, int diagnosed, BigDecimal percent) {}

    public static CampaignProgress of(Campaign campaign, List<KnownTeacher> teachers, Set<String> diagnosedIds) {
        Map<String, int[]> perOrganization = new TreeMap<>();
        Map<String, String> municipalities = new TreeMap<>();
        int target = 0;
        int diagnosed = 0;
        for (KnownTeacher teacher : teachers) {
            if (!campaign.targets(teacher)) {
                continue;
            }
            String org = teacher.organizationId();
            int[] counts = perOrganization.computeIfAbsent(org, o -> new int[2]);
            municipalities.put(org, teacher.municipalityId());
            counts[0]++;
            target++;
            if (diagnosedIds.contains(teacher.id())) {
                counts[1]++;
                diagnosed++;
            }
        }
        List<OrganizationProgress> organizations = new ArrayList<>();
        perOrganization.forEach((org, counts) -> organizations.add(new OrganizationProgress(
                org, municipalities.get(org), counts[0], counts[1], percent(counts[1], counts[0]))));
        return new CampaignProgress(campaign.id(), target, diagnosed, percent(diagnosed, target), organizations);
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
