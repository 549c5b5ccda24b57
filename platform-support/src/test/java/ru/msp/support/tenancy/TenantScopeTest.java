package ru.msp.support.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import ru.msp.support.problem.RequestRejectedException;

/** The scope rules, without Spring: what each role reads and may write. */
class TenantScopeTest {

    @TenantFields
    static final class AllLevels {}

    @TenantFields(municipality = "", organization = "", teacher = "")
    static final class RegionsOnly {}

    @TenantFields(organization = "", teacher = "")
    static final class MunicipalityLevel {}

    static final TenantFields ALL = AllLevels.class.getAnnotation(TenantFields.class);
    static final TenantFields REGIONS = RegionsOnly.class.getAnnotation(TenantFields.class);
    static final TenantFields MUNICIPAL = MunicipalityLevel.class.getAnnotation(TenantFields.class);

    static TenantScope scope(Role role, String region, String municipality, String organization, String teacher) {
        return new TenantScope("sub", null, Set.of(role), region, municipality, organization, teacher, false);
    }

    static final TenantScope REGIONAL = scope(Role.REGIONAL_OPERATOR, "r1", null, null, null);
    static final TenantScope MUNICIPAL_OP = scope(Role.MUNICIPAL_OPERATOR, "r1", "m1", null, null);
    static final TenantScope METHODIST = scope(Role.METHODIST, "r1", "m2", null, null);
    static final TenantScope SCHOOL = scope(Role.SCHOOL_SYSTEM, "r1", "m1", "o1", null);
    static final TenantScope TEACHER = scope(Role.TEACHER, "r1", "m1", "o1", "t1");

    @Test
    void readsAreFilteredAtTheCallersLevel() {
        assertThat(filter(REGIONAL, ALL)).isEqualTo(new Document("regionId", "r1"));
        assertThat(filter(MUNICIPAL_OP, ALL)).isEqualTo(new Document("municipalityId", "m1"));
        assertThat(filter(METHODIST, ALL)).isEqualTo(new Document("municipalityId", "m2"));
        assertThat(filter(SCHOOL, ALL)).isEqualTo(new Document("organizationId", "o1"));
        assertThat(filter(TEACHER, ALL)).isEqualTo(new Document("teacherId", "t1"));
    }

    @Test
    void aCollectionWithoutTheCallersLevelIsFilteredAtTheNextCoarserOne() {
        assertThat(filter(TEACHER, MUNICIPAL)).isEqualTo(new Document("municipalityId", "m1"));
        assertThat(filter(SCHOOL, MUNICIPAL)).isEqualTo(new Document("municipalityId", "m1"));
        assertThat(filter(MUNICIPAL_OP, REGIONS)).isEqualTo(new Document("regionId", "r1"));
    }

    @Test
    void adminAndSystemReadEverything() {
        assertThat(filter(scope(Role.ADMIN, null, null, null, null), ALL)).isEmpty();
        assertThat(filter(TenantScope.system("svc"), ALL)).isEmpty();
    }

    @Test
    void aTokenWithoutItsRolesClaimOrWithoutRolesSeesNothing() {
        assertThat(filter(scope(Role.MUNICIPAL_OPERATOR, "r1", null, null, null), ALL))
                .containsOnlyKeys("_id");
        assertThat(filter(new TenantScope("x", null, Set.of(), "r1", "m1", null, null, false), ALL))
                .containsOnlyKeys("_id");
    }

    @Test
    void writesAreAllowedOnlyWithinTheScopeAtTheCallersOwnLevel() {
        TenantKey m1School = TenantKey.organization("r1", "m1", "o1");
        TenantKey m1 = TenantKey.municipality("r1", "m1");
        TenantKey m3 = TenantKey.municipality("r2", "m3");
        assertThat(REGIONAL.mayWrite(m1)).isTrue();
        assertThat(REGIONAL.mayWrite(m3)).isFalse();
        assertThat(MUNICIPAL_OP.mayWrite(m1School)).isTrue();
        assertThat(METHODIST.mayWrite(m1)).isFalse();
        assertThat(SCHOOL.mayWrite(m1School)).isTrue();
        assertThat(SCHOOL.mayWrite(m1))
                .as("a school system may not write municipality-level data")
                .isFalse();
        assertThat(SCHOOL.mayWrite(TenantKey.organization("r1", "m1", "o2"))).isFalse();
        assertThat(TEACHER.mayWrite(new TenantKey("r1", "m1", "o1", "t1"))).isTrue();
        assertThat(TEACHER.mayWrite(new TenantKey("r1", "m1", "o1", "t2"))).isFalse();
        assertThatThrownBy(() -> SCHOOL.checkWrite(m3))
                .isInstanceOfSatisfying(
                        RequestRejectedException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
    }

    @Test
    void rolesAreRequiredWhereTheEndpointSaysSo() {
        assertThatThrownBy(() -> TEACHER.require(Role.MUNICIPAL_OPERATOR, Role.METHODIST))
                .isInstanceOf(RequestRejectedException.class);
        assertThat(METHODIST.require(Role.MUNICIPAL_OPERATOR, Role.METHODIST)).isSameAs(METHODIST);
        assertThat(scope(Role.ADMIN, null, null, null, null).require(Role.TEACHER))
                .isNotNull();
    }

    private static Document filter(TenantScope scope, TenantFields fields) {
        return scope.readCriteria(fields).getCriteriaObject();
    }
}
