package ru.msp.infra.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRequestTest {

    @ParameterizedTest
    @CsvSource({"90s, PT1M30S", "30m, PT30M", "1h, PT1H", "12H, PT12H", "7d, PT168H", "366d, PT8784H"})
    void parsesTtls(String text, Duration expected) {
        assertThat(TokenRequest.parseTtl(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "0m", "-1h", "1w", "1.5h", "PT1H", "367d", "1 h"})
    void refusesOtherTtls(String text) {
        assertThatThrownBy(() -> TokenRequest.parseTtl(text))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageContaining("--ttl");
    }

    @Test
    void theRolesAreThePlatformsSix() {
        assertThat(Arrays.stream(TokenRole.values()).map(Enum::name))
                .containsExactly(
                        "ADMIN", "REGIONAL_OPERATOR", "MUNICIPAL_OPERATOR", "METHODIST", "SCHOOL_SYSTEM", "TEACHER");
    }

    @Test
    void defaultsSubjectAndTtlAndAcceptsLowerCaseAndCommaSeparatedRoles() {
        TokenRequest request = TokenRequest.of(
                List.of("municipal_operator,methodist"),
                Map.of("region", "r-1", "municipality", "m-1"),
                null,
                null,
                null);

        assertThat(request.roles()).containsExactly(TokenRole.MUNICIPAL_OPERATOR, TokenRole.METHODIST);
        assertThat(request.subject()).isEqualTo("local-municipal_operator");
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(request.client()).isNull();
        assertThat(request.scope()).containsOnly(Map.entry("region", "r-1"), Map.entry("municipality", "m-1"));
    }

    @Test
    void anUnknownRoleIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> TokenRequest.of(List.of("SUPERUSER"), Map.of(), null, null, null))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessage("unknown role 'SUPERUSER'; the roles are [ADMIN, REGIONAL_OPERATOR, MUNICIPAL_OPERATOR,"
                        + " METHODIST, SCHOOL_SYSTEM, TEACHER]");
    }

    @Test
    void aRoleIsRequired() {
        assertThatThrownBy(() -> TokenRequest.of(List.of(), Map.of(), null, null, null))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageStartingWith("--role is required");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "REGIONAL_OPERATOR  | ''                        | role REGIONAL_OPERATOR needs --region; missing --region",
                "MUNICIPAL_OPERATOR | region=r                  | role MUNICIPAL_OPERATOR needs --region --municipality; missing --municipality",
                "METHODIST          | municipality=m            | role METHODIST needs --region --municipality; missing --region",
                "SCHOOL_SYSTEM      | region=r,municipality=m   | role SCHOOL_SYSTEM needs --region --municipality --organization; missing --organization",
                "SCHOOL_SYSTEM      | organization=o            | role SCHOOL_SYSTEM needs --region --municipality --organization; missing --region, --municipality",
                "TEACHER            | region=r,municipality=m,organization=o | role TEACHER needs --region --municipality --teacher; missing --teacher",
            })
    void aRoleWithoutItsScopeClaimsIsRefused(String role, String given, String message) {
        Map<String, String> scope = new java.util.HashMap<>();
        for (String pair : given.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=");
                scope.put(kv[0], kv[1]);
            }
        }
        assertThatThrownBy(() -> TokenRequest.of(List.of(role), scope, null, null, null))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessage(message);
    }

    @Test
    void blankScopeValuesCountAsMissing() {
        assertThatThrownBy(
                        () -> TokenRequest.of(List.of("REGIONAL_OPERATOR"), Map.of("region", "  "), null, null, null))
                .isInstanceOf(InvalidTokenRequestException.class)
                .hasMessageContaining("missing --region");
    }

    @Test
    void everyRoleWithAllItsClaimsIsAccepted() {
        Map<String, String> all = Map.of("region", "r", "municipality", "m", "organization", "o", "teacher", "t");
        for (TokenRole role : TokenRole.values()) {
            assertThat(TokenRequest.of(List.of(role.name()), all, null, null, null)
                            .roles())
                    .containsExactly(role);
        }
    }
}
