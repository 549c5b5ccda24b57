package ru.msp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One service = one bounded context: services share only the contracts, the platform-support library and test
 * support, never each other's classes or modules.
 */
class BoundedContextRulesTest {

    /** Service module → its root package. */
    static final Map<String, String> SERVICES = Map.of(
            "teacher-service", "ru.msp.teacher",
            "diagnostics-service", "ru.msp.diagnostics",
            "route-service", "ru.msp.route",
            "events-service", "ru.msp.activities",
            "indicators-service", "ru.msp.indicators",
            "gateway-service", "ru.msp.gateway");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.msp");
    }

    static Stream<String> services() {
        return SERVICES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceUsesNoOtherServicesClasses(String service) {
        String own = SERVICES.get(service);
        String[] others = SERVICES.values().stream()
                .filter(p -> !p.equals(own))
                .map(p -> p + "..")
                .toArray(String[]::new);
        assertThat(classes.that(DescribedPredicate.describe(
                        "in " + own, c -> c.getPackageName().startsWith(own))))
                .as("classes of %s were imported", service)
                .isNotEmpty();
        noClasses()
                .that()
                .resideInAPackage(own + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .because("services talk through events on Kafka, not through each other's code")
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("services")
    void aServiceModuleDependsOnNoOtherServiceModule(String service) throws Exception {
        Path pom = repositoryRoot().resolve(service).resolve("pom.xml");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList dependencies = document.getElementsByTagName("dependency");
        List<String> artifacts = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            artifacts.add(dependency
                    .getElementsByTagName("artifactId")
                    .item(0)
                    .getTextContent()
                    .strip());
        }
        assertThat(artifacts).doesNotContainAnyElementsOf(SERVICES.keySet());
    }

    @Test
    void servicesReachTheirDataOnlyThroughTheTenantScopedStore() {
        String[] services = SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage(services)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ReactiveMongoOperations.class)
                .because("every read is filtered and every write checked by ScopedMongo, so no endpoint forgets the"
                        + " tenant scope")
                .check(classes);
    }

    @Test
    void sharedModulesDependOnNoService() {
        String[] services = SERVICES.values().stream().map(p -> p + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAnyPackage("ru.msp.contracts..", "ru.msp.support..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(services)
                .check(classes);
    }

    @Test
    void contractsStayFreeOfSpring() {
        noClasses()
                .that()
                .resideInAPackage("ru.msp.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "ru.msp.support..")
                .because("any consumer, Spring or not, must be able to read the events")
                .check(classes);
    }

    @Test
    void noDumpingGroundNames() {
        noClasses()
                .should()
                .haveSimpleNameEndingWith("Util")
                .orShould()
                .haveSimpleNameEndingWith("Utils")
                .orShould()
                .haveSimpleNameEndingWith("Helper")
                .orShould()
                .haveSimpleNameEndingWith("Manager")
                .check(classes);
    }

    private static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException(
                    "repository root (with mvnw) not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
