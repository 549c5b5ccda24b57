package ru.msp.gateway.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.msp.support.problem.RequestRejectedException;

/**
 * What the dashboard page needs before it has a token: how to sign in ({@code GET /dashboard/config}) and, on the
 * local platform only, a token for a picked role ({@code POST /dashboard/local-token}).
 */
@RestController
@RequestMapping("/dashboard")
@EnableConfigurationProperties(DashboardSignInProperties.class)
class DashboardSignInHandler {

    private final DashboardSignInProperties properties;
    private final LocalSignIn localSignIn;

    DashboardSignInHandler(DashboardSignInProperties properties) {
        this.properties = properties;
        this.localSignIn = properties.local() ? new LocalSignIn(properties.localKeyFile()) : null;
    }

    @GetMapping("/config")
    ResponseEntity<Map<String, Object>> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        // local: role picker; oidc: authorization code + PKCE against the issuer; token: paste a bearer token
        config.put("signIn", localSignIn != null ? "local" : properties.oidcIssuer() != null ? "oidc" : "token");
        config.put("oidcIssuer", properties.oidcIssuer());
        config.put("oidcClientId", properties.oidcClientId());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }

    @PostMapping("/local-token")
    ResponseEntity<LocalSignIn.Issued> localToken(@RequestBody LocalSignIn.Request request) {
        if (localSignIn == null) {
            throw RequestRejectedException.notFound("Local sign-in (this is not the local platform)");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(localSignIn.issue(request, Instant.now()));
    }
}
