package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/** Sensitive management endpoints (/prometheus) are for admins only; health stays public. */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class AdminOnlySensitiveEndpointRule extends SensitiveEndpointRule {

    AdminOnlySensitiveEndpointRule(EndpointSensitivityProcessor processor) {
        super(processor);
    }

    @Override
    protected @NonNull Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                                 @NonNull Authentication authentication,
                                                                                 @NonNull ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains(Roles.ADMIN)
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
