package ru.msp.demo;

import java.util.List;
import java.util.Random;

/** Russian full names (фамилия, имя, отчество) in the right grammatical gender, drawn from the plan's random. */
final class Names {

    record Person(String lastName, String firstName, String middleName) {}

    private static final List<String> SURNAMES = List.of(
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Васильев",
            "Петров",
            "Соколов",
            "Михайлов",
            "Новиков",
            "Фёдоров",
            "Морозов",
            "Волков",
            "Алексеев",
            "Лебедев",
            "Семёнов",
            "Егоров",
            "Павлов",
            "Козлов",
            "Степанов",
            "Николаев",
            "Орлов",
            "Андреев",
            "Макаров",
            "Никитин",
            "Захаров",
            "Зайцев",
            "Соловьёв",
            "Борисов",
            "Яковлев",
            "Григорьев",
            "Романов",
            "Воробьёв",
            "Сергеев",
            "Кузьмин",
            "Фролов",
            "Александров",
            "Дмитриев",
            "Королёв",
            "Гусев",
            "Киселёв",
            "Ильин",
            "Максимов",
            "Поляков",
            "Сорокин",
            "Виноградов",
            "Ковалёв",
            "Белов",
            "Медведев",
            "Антонов",
            "Тарасов",
            "Жуков",
            "Баранов",
            "Филиппов",
            "Комаров");

    private static final List<String> WOMEN = List.of(
            "Анна",
            "Елена",
            "Ольга",
            "Наталья",
            "Татьяна",
            "Ирина",
            "Светлана",
            "Марина",
            "Екатерина",
            "Юлия",
            "Людмила",
            "Галина",
            "Надежда",
            "Оксана",
            "Мария",
            "Анастасия",
            "Дарья",
            "Алёна",
            "Вера",
            "Любовь");

    private static final List<String> MEN = List.of(
            "Александр",
            "Сергей",
            "Дмитрий",
            "Андрей",
            "Алексей",
            "Максим",
            "Евгений",
            "Владимир",
            "Игорь",
            "Николай",
            "Михаил",
            "Павел",
            "Виктор",
            "Юрий",
            "Олег",
            "Иван");

    /** Fathers' names in the masculine and feminine patronymic. */
    private static final List<String[]> PATRONYMICS = List.of(
            new String[] {"Александрович", "Александровна"},
            new String[] {"Сергеевич", "Сергеевна"},
            new String[] {"Владимирович", "Владимировна"},
            new String[] {"Николаевич", "Николаевна"},
            new String[] {"Викторович", "Викторовна"},
            new String[] {"Иванович", "Ивановна"},
            new String[] {"Петрович", "Петровна"},
            new String[] {"Михайлович", "Михайловна"},
            new String[] {"Андреевич", "Андреевна"},
            new String[] {"Юрьевич", "Юрьевна"},
            new String[] {"Анатольевич", "Анатольевна"},
            new String[] {"Васильевич", "Васильевна"});

    private final Random random;

    Names(Random random) {
        this.random = random;
    }

    /** About four in five Russian school teachers are women. */
    Person next() {
        boolean woman = random.nextDouble() < 0.8;
        String surname = SURNAMES.get(random.nextInt(SURNAMES.size()));
        String[] patronymic = PATRONYMICS.get(random.nextInt(PATRONYMICS.size()));
        if (woman) {
            return new Person(surname + "а", WOMEN.get(random.nextInt(WOMEN.size())), patronymic[1]);
        }
        return new Person(surname, MEN.get(random.nextInt(MEN.size())), patronymic[0]);
    }
}
