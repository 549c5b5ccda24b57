package ru.msp.infra.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Keycloak example ({@code infra/keycloak/msp-realm.json}) is checked for its structure only, not by a running
 * Keycloak: the claims its mappers emit are the ones the platform reads, the six roles exist, every client carries the
 * mappers, every role has an example user with the scope attributes its tokens need, and no password is real.
 * (Jackson 2 comes with the Kafka broker jars.)
 */
class KeycloakRealmExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SCOPE_CLAIMS = Set.copyOf(TokenRequest.SCOPE_CLAIMS);

    static JsonNode realm;

    @BeforeAll
    static void read() throws Exception {
        Path file = Path.of("keycloak", "msp-realm.json");
        if (!Files.exists(file)) {
            file = Path.of("infra", "keycloak", "msp-realm.json");
        }
        realm = JSON.readTree(file.toFile());
    }

    @Test
    void realmMsp() {
        assertThat(realm.path("realm").asText()).isEqualTo("msp");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asText()).isIn("external", "all");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void allSixRolesAreRealmRoles() {
        Set<String> roles = names(realm.path("roles").path("realm"), "name");
        assertThat(roles)
                .containsAll(Arrays.stream(TokenRole.values()).map(Enum::name).toList())
                .hasSize(TokenRole.values().length);
    }

    @Test
    void aPublicDashboardClientWithTheStandardFlow() {
        JsonNode dashboard = client("msp-dashboard");
        assertThat(dashboard.path("publicClient").asBoolean()).isTrue();
        assertThat(dashboard.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(dashboard.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(dashboard.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(texts(dashboard.path("redirectUris"))).containsExactly("https://<host>/*");
        assertThat(dashboard
                        .path("attributes")
                        .path("pkce.code.challenge.method")
                        .asText())
                .isEqualTo("S256");
    }

    @Test
    void aConfidentialSchoolSystemClientWithAServiceAccount() {
        JsonNode school = client("school-system-example");
        assertThat(school.path("publicClient").asBoolean()).isFalse();
        assertThat(school.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(school.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(school.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(school.has("secret"))
                .as("Keycloak generates the secret on import")
                .isFalse();

        JsonNode account = user("service-account-school-system-example");
        assertThat(account.path("serviceAccountClientId").asText()).isEqualTo("school-system-example");
        assertThat(texts(account.path("realmRoles"))).containsExactly("SCHOOL_SYSTEM");
    }

    @Test
    void everyClientsMappersPutTheClaimsThePlatformReadsIntoTheAccessToken() {
        for (JsonNode client : realm.path("clients")) {
            String clientId = client.path("clientId").asText();
            Map<String, JsonNode> byClaim = new java.util.HashMap<>();
            for (JsonNode mapper : client.path("protocolMappers")) {
                assertThat(mapper.path("protocol").asText()).isEqualTo("openid-connect");
                JsonNode config = mapper.path("config");
                if (config.has("claim.name")) {
                    byClaim.put(config.path("claim.name").asText(), mapper);
                }
            }

            JsonNode roles = byClaim.get("roles");
            assertThat(roles).as(clientId + ": a mapper for the roles claim").isNotNull();
            assertThat(roles.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
            assertThat(roles.path("config").path("multivalued").asText())
                    .as("roles is an array")
                    .isEqualTo("true");
            assertThat(roles.path("config")
                            .path("usermodel.realmRoleMapping.rolePrefix")
                            .asText())
                    .as("no prefix: the claim holds ADMIN, not ROLE_ADMIN")
                    .isEmpty();
            assertThat(roles.path("config").path("access.token.claim").asText()).isEqualTo("true");

            for (String claim : SCOPE_CLAIMS) {
                JsonNode mapper = byClaim.get(claim);
                assertThat(mapper)
                        .as(clientId + ": a mapper for the " + claim + " claim")
                        .isNotNull();
                assertThat(mapper.path("protocolMapper").asText()).isEqualTo("oidc-usermodel-attribute-mapper");
                JsonNode config = mapper.path("config");
                assertThat(config.path("user.attribute").asText()).isEqualTo(claim);
                assertThat(config.path("access.token.claim").asText()).isEqualTo("true");
                assertThat(config.path("multivalued").asText())
                        .as("a single string")
                        .isEqualTo("false");
                assertThat(config.path("jsonType.label").asText()).isEqualTo("String");
            }

            assertThat(texts(client.path("optionalClientScopes")))
                    .as("Keycloak 26's 'organization' scope would emit a claim of the same name")
                    .doesNotContain("organization");
            assertThat(texts(client.path("defaultClientScopes"))).contains("basic", "roles");
        }
    }

    @Test
    void everyRoleHasAnExampleUserWithTheAttributesItNeeds() {
        Set<String> covered = new HashSet<>();
        for (JsonNode user : realm.path("users")) {
            Set<String> attributes = new HashSet<>();
            user.path("attributes").fieldNames().forEachRemaining(attributes::add);
            assertThat(SCOPE_CLAIMS).containsAll(attributes);
            for (String roleName : texts(user.path("realmRoles"))) {
                TokenRole role = TokenRole.find(roleName).orElseThrow();
                covered.add(role.name());
                assertThat(attributes)
                        .as(user.path("username").asText() + " (" + role + ")")
                        .containsAll(role.requiredClaims());
            }
        }
        assertThat(covered)
                .containsExactlyInAnyOrder(
                        Arrays.stream(TokenRole.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void examplePasswordsArePlaceholdersThatMustBeChanged() {
        for (JsonNode user : realm.path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                assertThat(credential.path("temporary").asBoolean())
                        .as(user.path("username").asText())
                        .isTrue();
                assertThat(credential.path("value").asText()).startsWith("CHANGE-ME");
            }
        }
    }

    @Test
    void theScopeAttributesAreDeclaredInTheUserProfileAndOnlyAdministratorsEditThem() throws Exception {
        JsonNode provider = realm.path("components")
                .path("org.keycloak.userprofile.UserProfileProvider")
                .path(0);
        assertThat(provider.path("providerId").asText()).isEqualTo("declarative-user-profile");
        JsonNode profile = JSON.readTree(
                provider.path("config").path("kc.user.profile.config").path(0).asText());
        Map<String, JsonNode> attributes = StreamSupport.stream(
                        profile.path("attributes").spliterator(), false)
                .collect(Collectors.toMap(a -> a.path("name").asText(), a -> a));
        assertThat(attributes).containsKeys("username", "email", "firstName", "lastName");
        for (String claim : SCOPE_CLAIMS) {
            JsonNode attribute = attributes.get(claim);
            assertThat(attribute).as("user profile attribute " + claim).isNotNull();
            assertThat(texts(attribute.path("permissions").path("edit"))).containsExactly("admin");
        }
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode user(String username) {
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static Set<String> names(JsonNode array, String field) {
        Set<String> names = new HashSet<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
