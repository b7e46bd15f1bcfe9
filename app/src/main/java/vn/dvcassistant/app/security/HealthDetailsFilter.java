package vn.dvcassistant.app.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * /health is the load balancer's readiness probe and stays public, but its details (the JDBC address and
 * user, channel counters, knowledge base dates) are for admins: everyone else sees UP or DOWN for the
 * service and for each component, nothing more.
 */
@ServerFilter({"/health", "/health/**"})
final class HealthDetailsFilter {

    @ResponseFilter
    void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains(Roles.ADMIN)).orElse(false);
        if (admin || !(response.getBody().orElse(null) instanceof HealthResult result)) {
            return;
        }
        response.body(statusOnly(result));
    }

    private static Map<String, Object> statusOnly(HealthResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", result.getName());
        body.put("status", result.getStatus().getName());
        if (result.getDetails() instanceof Map<?, ?> components) {
            Map<String, Object> statuses = new LinkedHashMap<>();
            components.forEach((name, component) -> {
                if (component instanceof HealthResult child) {
                    statuses.put(String.valueOf(name), Map.of("status", child.getStatus().getName()));
                }
            });
            body.put("details", statuses);
        }
        return body;
    }
}
