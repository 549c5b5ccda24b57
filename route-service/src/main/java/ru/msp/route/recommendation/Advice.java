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
            actions.add("Профессиональных дефицитов не выявлено: продолжайте самообразование, представьте свой опыт"
                    + " в муниципальном банке практик или присоединитесь к сетевому сообществу.");
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
                                    ? "Выраженный дефицит по компетенции "
                                    : "Частичный дефицит по компетенции ")
                    .append(code)
                    .append(": ");
            if (steps.isEmpty()) {
                action.append("самообразование и консультация муниципального методиста.");
            } else {
                List<String> parts = new ArrayList<>();
                for (Step step : steps) {
                    parts.add(switch (step.offerKind()) {
                                case "COURSE" ->
                                    "пройти курс " + step.offerId()
                                            + (step.rule().contains("FEDERAL_REGISTRY")
                                                    ? " (федеральный реестр ДПП)"
                                                    : "");
                                case "MENTOR" -> "работать с наставником " + step.offerId();
                                case "SELF_STUDY" ->
                                    "самообразование"
                                            + (step.practiceIds().isEmpty()
                                                    ? ""
                                                    : " по практикам " + step.practiceIds());
                                default ->
                                    ("INTERNSHIP".equals(step.offerKind())
                                                    ? "пройти стажировку "
                                                    : "принять участие в мероприятии ")
                                            + step.offerId();
                            }
                            + (step.dueDate() == null ? "" : " до " + step.dueDate()));
                }
                action.append(String.join("; ", parts))
                        .append(" (индивидуальный маршрут ")
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
        actions.add("Провести заседание школьного методического объединения по " + code
                + " с открытым уроком или мастер-классом коллеги без этого дефицита.");
        if (share.pronounced() > 0) {
            actions.add("Направить педагогов с выраженным дефицитом (" + share.pronounced() + ") на курс из"
                    + " федерального реестра ДПП по " + code + " и утвердить их индивидуальные маршруты.");
        }
        if (share.share() >= 50) {
            actions.add("Включить " + code + " в план методической работы школы на год и запросить у"
                    + " муниципального методического центра адресный семинар.");
        }
        actions.add("Закрепить за педагогами с дефицитом наставников и оценить результат на следующей диагностике.");
        return actions;
    }

    public static String leaderText(StaffDeficitShare share) {
        String group = StaffStatistics.ALL_STAFF.equals(share.subject())
                ? "прошедших диагностику педагогов"
                : "учителей (" + share.subject() + ")";
        return share.share() + "% " + group + " (" + share.withDeficit() + " из " + share.diagnosed()
                + ") имеют дефицит по " + share.competencyCode() + ": организуйте поддержку на уровне школы.";
    }
}
