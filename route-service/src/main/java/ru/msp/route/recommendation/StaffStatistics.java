package ru.msp.route.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.route.teacher.StaffDiagnosis;
import ru.msp.route.teacher.TeacherCard;

/**
 * Per-school deficit statistics from the latest diagnosis of each working teacher and the subjects the registry
 * knows: "38% of mathematics teachers lack assessment literacy". A school leader gets a recommendation when a group
 * of at least {@value #MIN_GROUP} diagnosed teachers reaches {@value #SHARE_THRESHOLD}% (the share at which the
 * seed programmes ask the school, not only the teachers, to act; a smaller group would make one teacher a
 * "share").
 */
public final class StaffStatistics {

    public static final String ALL_STAFF = "ALL_STAFF";
    public static final int SHARE_THRESHOLD = 30;
    public static final int MIN_GROUP = 3;

    private StaffStatistics() {}

    public static List<StaffDeficitShare> of(List<TeacherCard> staff) {
        // group -> competency -> [diagnosed, withDeficit, pronounced]
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        for (TeacherCard card : staff) {
            StaffDiagnosis diagnosis = card.lastDiagnosis();
            if (diagnosis == null) {
                continue;
            }
            List<String> groups = new ArrayList<>(card.subjects());
            groups.add(ALL_STAFF);
            for (String group : groups) {
                Map<String, int[]> byCompetency = counts.computeIfAbsent(group, g -> new TreeMap<>());
                for (String code : diagnosis.measured()) {
                    int[] c = byCompetency.computeIfAbsent(code, k -> new int[3]);
                    c[0]++;
                    Deficit deficit = diagnosis.deficits().stream()
                            .filter(d -> d.competencyCode().equals(code))
                            .findFirst()
                            .orElse(null);
                    if (deficit != null) {
                        c[1]++;
                        if (deficit.severity() == DeficitSeverity.PRONOUNCED) {
                            c[2]++;
                        }
                    }
                }
            }
        }
        List<StaffDeficitShare> shares = new ArrayList<>();
        counts.forEach((group, byCompetency) -> byCompetency.forEach((code, c) -> {
            if (c[1] > 0) {
                shares.add(new StaffDeficitShare(group, code, c[0], c[1], c[2], Math.round(c[1] * 100f / c[0])));
            }
        }));
        shares.sort(Comparator.comparingInt(StaffDeficitShare::share)
                .reversed()
                .thenComparing(StaffDeficitShare::subject)
                .thenComparing(StaffDeficitShare::competencyCode));
        return shares;
    }

    /** Whether a share calls for a recommendation to the school leader without anyone asking. */
    public static boolean crossesThreshold(StaffDeficitShare share) {
        return share.diagnosed() >= MIN_GROUP && share.share() >= SHARE_THRESHOLD;
    }
}
