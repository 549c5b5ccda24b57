package ru.msp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator dashboard in a real browser (Debian's headless Chromium, installed by {@code .ci/run}) against the
 * running local platform with its demo data: a regional operator signs in with the role picker, sees the matrix of
 * the region's municipalities, drills into one, opens a teacher's route. Screenshots go to
 * {@code tools/e2e-tests/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    RunningPlatform platform;
    Api api;
    String admin;
    WebDriver browser;
    WebDriverWait wait;
    JsonNode sverdlovsk;

    @BeforeAll
    void start() throws IOException {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium for the dashboard test (apt-get install chromium chromium-driver; .ci/run does)")
                .exists();
        platform = RunningPlatform.shared();
        api = new Api(platform.gateway());
        admin = platform.token("--role", "ADMIN");
        for (JsonNode region : api.get(admin, "/api/regions").body()) {
            if (region.path("code").asText().equals("66")) {
                sverdlovsk = region;
            }
        }
        assertThat(sverdlovsk).as("the demo's Sverdlovsk region").isNotNull();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=ru-RU");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aRegionalOperatorSignsInAndSeesEveryMunicipalityOfTheRegionInTheMatrix() throws IOException {
        browser.get(platform.gateway() + "/");
        WebElement role = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("role")));
        new Select(role).selectByValue("REGIONAL_OPERATOR");
        new Select(browser.findElement(By.id("region")))
                .selectByValue(sverdlovsk.path("id").asText());
        screenshot("01-sign-in");
        browser.findElement(By.id("signin-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#matrix-table tbody tr")));
        JsonNode municipalities = api.get(
                        admin,
                        "/api/municipalities?regionId=" + sverdlovsk.path("id").asText())
                .body();
        List<WebElement> rows = browser.findElements(By.cssSelector("#matrix-table tbody tr"));
        assertThat(rows).hasSize(municipalities.size());
        assertThat(browser.findElement(By.id("matrix-table")).getText())
                .contains("город Нижний Тагил")
                .contains("%");
        // Russian number formatting: a decimal comma, never a decimal point
        assertThat(browser.findElement(By.id("matrix-table")).getText()).doesNotContainPattern("\\d\\.\\d+ %");
        screenshot("02-region-matrix");
    }

    @Test
    @Order(2)
    void theMunicipalityShowsItsProgrammeIndicatorsAndDrillDown() throws IOException {
        browser.findElement(By.linkText("город Нижний Тагил")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#values-table tbody tr")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("programme"), "Программа"));
        assertThat(browser.findElement(By.id("programme")).getText()).contains("Нижн");
        assertThat(browser.findElement(By.id("values-table")).getText()).containsAnyOf("достигнуто", "под угрозой");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#drill-organizations tbody tr")));
        screenshot("03-municipality");
    }

    @Test
    @Order(3)
    void aTeachersRouteSaysWhyEachStepIsThere() throws IOException {
        JsonNode routes = api.get(admin, "/api/routes?municipalityId=" + municipalityId("город Нижний Тагил"))
                .body();
        JsonNode first = routes.isArray() ? routes.get(0) : routes.path("items").get(0);
        assertThat(first).as("a demo route in Nizhny Tagil").isNotNull();
        browser.get(platform.gateway() + "/#/teacher/" + first.path("teacherId").asText());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#route-steps li")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#profile-table tbody tr")));
        assertThat(browser.findElement(By.id("route-steps")).getText()).contains("Почему");
        assertThat(browser.findElement(By.id("profile-table")).getText()).containsAnyOf("ниже базового", "базовый");
        screenshot("04-teacher-route");
        browser.manage().window().setSize(new Dimension(820, 1180));
        screenshot("05-teacher-route-tablet");
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    private String municipalityId(String name) {
        for (JsonNode m : api.get(
                        admin,
                        "/api/municipalities?regionId=" + sverdlovsk.path("id").asText())
                .body()) {
            if (m.path("name").asText().equals(name)) {
                return m.path("id").asText();
            }
        }
        throw new AssertionError("no municipality " + name);
    }

    private void screenshot(String name) throws IOException {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
