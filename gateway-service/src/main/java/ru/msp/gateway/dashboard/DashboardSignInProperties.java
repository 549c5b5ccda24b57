package ru.msp.gateway.dashboard;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the dashboard signs people in: {@code msp.gateway.sign-in.*}.
 *
 * @param localKeyFile the local platform's private signing key (PKCS#8 PEM); when set, the dashboard offers a role
 *     picker that obtains a local token. {@code ./platform up} sets it; production never does.
 * @param oidcIssuer the OpenID Connect issuer (e.g. Keycloak's realm URL) for a browser login in production
 * @param oidcClientId the public client the dashboard logs in as (authorization code with PKCE)
 */
@ConfigurationProperties("msp.gateway.sign-in")
public record DashboardSignInProperties(Path localKeyFile, String oidcIssuer, String oidcClientId) {

    boolean local() {
        return localKeyFile != null;
    }
}
