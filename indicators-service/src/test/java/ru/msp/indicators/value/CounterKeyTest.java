package ru.msp.indicators.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A counter key equals another exactly when every component does, as a record's generated methods would say. */
class CounterKeyTest {

    private static final CounterKey KEY =
            new CounterKey("DEFICIT_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", null);

    @Test
    void equalComponentsMakeEqualKeysWithEqualHashes() {
        CounterKey same = new CounterKey(
                new String("DEFICIT_SHARE"), "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", null);

        assertThat(same).isEqualTo(KEY).hasSameHashCodeAs(KEY);
        assertThat(Set.of(KEY)).contains(same);
    }

    @Test
    void aKeyDiffersFromOneThatDiffersInAnyComponent() {
        List<CounterKey> others = new ArrayList<>();
        others.add(new CounterKey(
                "MENTORED_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", null));
        others.add(
                new CounterKey("DEFICIT_SHARE", "2025/2026", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", null));
        others.add(new CounterKey("DEFICIT_SHARE", "2026/2027", ScopeKind.REGION, "mun-1", "reg-66", "mun-1", null));
        others.add(
                new CounterKey("DEFICIT_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-2", "reg-66", "mun-1", null));
        others.add(
                new CounterKey("DEFICIT_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-59", "mun-1", null));
        others.add(
                new CounterKey("DEFICIT_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-9", null));
        others.add(new CounterKey(
                "DEFICIT_SHARE", "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", "org-1"));
        others.add(new CounterKey(null, "2026/2027", ScopeKind.MUNICIPALITY, "mun-1", "reg-66", "mun-1", null));

        for (CounterKey other : others) {
            assertThat(other).as("%s", other).isNotEqualTo(KEY);
            assertThat(KEY).as("%s", other).isNotEqualTo(other);
        }
        assertThat(new HashSet<>(others)).hasSize(others.size());
        assertThat(KEY).isNotEqualTo(null).isNotEqualTo("DEFICIT_SHARE|2026/2027|MUNICIPALITY|mun-1");
    }

    @Test
    void theIdJoinsCodePeriodKindAndScope() {
        assertThat(KEY.id()).isEqualTo("DEFICIT_SHARE|2026/2027|MUNICIPALITY|mun-1");
        assertThat(CounterKey.idOf(null, "2026/2027", null, "x")).isEqualTo("null|2026/2027|null|x");
    }
}
