package ru.msp.route.recommendation;

import java.util.ArrayList;
import java.util.List;
import ru.msp.contracts.DeficitSeverity;
import ru.msp.contracts.diagnostics.Deficit;
import ru.msp.route.route.Route;
import ru.msp.route.route.Step;

/** The words of a recommendation: what to do about each deficit, from the route's steps or the school's shares. */
public final class Advice {

    private Advice() {}

    /** For a teacher: one action per deficit, naming the route's steps for it; a word of encouragement without. */
    public static List<String> forTeacher(List<Deficit> deficits, Route route) {
        List<String> actions = new ArrayList<>();
        if (deficits.isEmpty()) {
            actions.add("No professional deficits found: keep up informal learning and consider presenting your"
                    + " practice to the municipal bank of practices or joining a network community.");
            return actions;
        }
        for (Deficit deficit : deficits) {
            String code = deficit.competencyCode();
            List<Step> steps = route == null
                    ? List.of()
                    : route.steps().stream()
                            .filter(s -> code.equals(s.competencyCode()) && !Step.NOT_NEEDED.equals(s.status()))
                            .toList();
            StringBuilder action = new StringBuilder();
            action.append(
                            deficit.severity() == DeficitSeverity.PRONOUNCED
                                    ? "Pronounced deficit in "
                                    : "Partial deficit in ")
                    .append(code)
                    .append(": ");
            if (steps.isEmpty()) {
                action.append("self-study and a consultation with the municipal methodist.");
            } else {
                List<String> parts = new ArrayList<>();
                for (Step step : steps) {
                    parts.add(switch (step.offerKind()) {
                                case "COURSE" ->
                                    "complete course " + step.offerId()
                                            + (step.rule().contains("FEDERAL_REGISTRY") ? " (federal registry)" : "");
                                case "MENTOR" -> "work with mentor " + step.offerId();
                                case "SELF_STUDY" ->
                                    "self-study"
                                            + (step.practiceIds().isEmpty()
                                                    ? ""
                                                    : " with practices " + step.practiceIds());
                                default ->
                                    "take part in " + step.offerKind().toLowerCase(java.util.Locale.ROOT) + " "
                                            + step.offerId();
                            }
                            + (step.dueDate() == null ? "" : " by " + step.dueDate()));
                }
                action.append(String.join("; ", parts))
                        .append(" (individual route ")
                        .append(route.id())
                        .append(").");
            }
            actions.add(action.toString());
        }
        return actions;
    }

    /** For a school leader: what to organise for a staff group with a shared deficit. */
    public static List<String> forLeader(StaffDeficitShare share) {
        List<String> actions = new ArrayList<>();
        String code = share.competencyCode();
        actions.add("Hold a session of the school methodical association on " + code
                + " with an open lesson or master class by a colleague without this deficit.");
        if (share.pronounced() > 0) {
            actions.add("Send the " + share.pronounced() + " teachers with a pronounced deficit to a federal-registry"
                    + " course on " + code + " and approve their individual routes.");
        }
        if (share.share() >= 50) {
            actions.add("Put " + code + " into the school's plan of methodical work for the year and ask the"
                    + " municipal methodical centre for a targeted seminar.");
        }
        actions.add("Pair teachers with the deficit with mentors and review the effect at the next diagnosis.");
        return actions;
    }

    public static String leaderText(StaffDeficitShare share) {
        String group = StaffStatistics.ALL_STAFF.equals(share.subject())
                ? "the diagnosed teachers"
                : share.subject() + " teachers";
        return share.share() + "% of " + group + " (" + share.withDeficit() + " of " + share.diagnosed()
                + ") have a deficit in " + share.competencyCode() + ": organise support at school level.";
    }
}
