package vn.dvcassistant.app.api;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed bodies sent to every route of the running service, public and staff (as an admin, so the
 * staff handlers are reached), as a client that means harm or a broken one would: NUL characters raw or
 * escaped, broken percent-encoding, over-long fields, broken JSON, wrong types, odd Unicode. No answer may
 * be a 5xx or carry a stack trace. The routes come from the route table, so a new endpoint is fuzzed too.
 */
class MalformedInputFuzzTest {

    /** Field names the service's forms and JSON bodies use, besides each route's own parameters. */
    private static final List<String> FIELDS = List.of("text", "comment", "name", "phone", "email", "displayName",
            "username", "password", "role", "agencyCode", "reason", "level", "agency", "channel", "topicId",
            "information", "ma", "note", "answer", "to", "sessionId", "messageId", "helpful", "useful", "consent",
            "contactName", "contactPhone", "contactEmail", "field", "from", "target", "destination", "code");

    private static EmbeddedServer server;
    private static HttpClient client;
    private static Cookie admin;
    private static List<Target> targets;
    private static List<String> fieldNames;

    record Target(HttpMethod method, String path, MediaType consumes, List<String> parameters) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Body(String contentType, String text) {
        @Override
        public String toString() {
            return contentType + " " + (text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + ")" : text);
        }
    }

    @BeforeContainer
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1), "test");
        client = StaffSession.client(server);
        StaffAccounts accounts = server.getApplicationContext().getBean(StaffAccounts.class);
        admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        Set<String> seen = new HashSet<>();
        targets = new ArrayList<>();
        server.getApplicationContext().getBean(Router.class).uriRoutes()
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS)
                .filter(r -> seen.add(r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString()))
                .forEach(r -> targets.add(target(r)));
        Set<String> names = new java.util.TreeSet<>(FIELDS);
        targets.forEach(t -> names.addAll(t.parameters()));
        fieldNames = List.copyOf(names);
    }

    @AfterContainer
    static void stop() {
        client.close();
        server.close();
    }

    @Property(tries = 1500)
    void noRouteAnswersAServerErrorOrAStackTrace(@ForAll("targets") Target target, @ForAll("bodies") Body body,
                                                  @ForAll boolean asAdmin) {
        MutableHttpRequest<?> request = HttpRequest.create(target.method(), target.path());
        if (target.method().permitsRequestBody()) {
            request.body(body.text()).contentType(body.contentType());
        }
        request.header(HttpHeaders.ORIGIN, StaffSession.PUBLIC_URL);
        // Logging out as the admin would end the session every other try needs.
        if (asAdmin && !target.path().equals("/dang-xuat")) {
            request.cookie(admin);
        }
        HttpResponse<String> response = StaffSession.send(client, request);
        String text = response.getBody(String.class).orElse("");
        assertThat(response.getStatus().getCode()).as("%s with %s", target, body).isLessThan(500);
        if (!target.path().equals("/prometheus")) {
            // (Metrics name exception classes in their labels.)
            assertThat(text).as("%s with %s", target, body).doesNotContain("Exception", "\tat ", "org.postgresql");
        }
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.of(targets);
    }

    @Provide
    Arbitrary<Body> bodies() {
        Arbitrary<String> names = Arbitraries.of(fieldNames);
        Arbitrary<String> value = nastyValues();
        Arbitrary<String> form = Combinators.combine(names, value).as((n, v) -> n + "=" + v)
                .list().ofMinSize(1).ofMaxSize(6).map(pairs -> String.join("&", pairs));
        Arbitrary<String> json = Combinators.combine(names, jsonValues()).as((n, v) -> "\"" + n + "\":" + v)
                .list().ofMinSize(1).ofMaxSize(6).map(pairs -> "{" + String.join(",", pairs) + "}");
        Arbitrary<String> brokenJson = Arbitraries.of("{", "}", "[", "{\"text\":", "{\"text\":\"abc", "null", "[]",
                "\"x\"", "1e999999", "{\"a\":1,}", "{'text':'x'}", "{\"text\":\"\\uD800\"}", "\u0000",
                "[".repeat(5000), "{\"a\":".repeat(2000));
        return Arbitraries.oneOf(
                form.map(f -> new Body(MediaType.APPLICATION_FORM_URLENCODED, f)),
                json.map(j -> new Body(MediaType.APPLICATION_JSON, j)),
                brokenJson.map(j -> new Body(MediaType.APPLICATION_JSON, j)),
                value.map(v -> new Body(MediaType.APPLICATION_FORM_URLENCODED, v)),
                value.map(v -> new Body(MediaType.TEXT_PLAIN, v)));
    }

    /** Percent-encoded form values: garbage escapes, NUL, long runs, odd Unicode, plain words. */
    private static Arbitrary<String> nastyValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("%ZZ", "%", "%0", "%00", "abc%00def", "%C3%28", "%E0%80%80", "%ED%A0%80", "+", "%2",
                        "a%zz", "%%%", "=", "&", "x=y=z", "%F0%9F%98%80", "tr%E1%BA%A7n", "true", "false", "1", "-1",
                        "99999999999999999999", "NaN", "GY-2222AA", "rat_hai_long", "ADMIN", "SO-TP"),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40)
                        .map(s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.strings().all().ofMaxLength(30)
                        .map(s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)),
                Arbitraries.integers().between(150, 9000).map(n -> "x".repeat(n)),
                Arbitraries.integers().between(150, 5000).map(n -> "%C3%A1".repeat(n)));
    }

    private static Arbitrary<String> jsonValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e400", "[]", "{}", "[1,[2]]",
                        "\"\\u0000\"", "\"abc\\u0000\"", "\"\\\\u0000\"", "\"\\uD800\"", "\"GY-2222AA\"",
                        "\"rat_hai_long\"", "\"web\"", "\"ADMIN\"", "\"00000000-0000-0000-0000-000000000000\"",
                        "{\"nested\":{\"deep\":[1,2,3]}}", "\"\"", "\"   \""),
                Arbitraries.strings().all().ofMaxLength(40).map(MalformedInputFuzzTest::jsonString),
                Arbitraries.integers().between(150, 9000).map(n -> "\"" + "á".repeat(n) + "\""));
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\' || c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    private static Target target(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new HashMap<>();
        for (String variable : route.getUriMatchTemplate().getVariableNames()) {
            values.put(variable, variable.toLowerCase().contains("id") ? "00000000-0000-0000-0000-000000000000"
                    : variable.toLowerCase().contains("code") ? "GY-2222AA" : "dang-ky-khai-sinh");
        }
        List<MediaType> consumes = route.getConsumes();
        List<String> parameters = new ArrayList<>();
        for (var argument : route.getTargetMethod().getArguments()) {
            parameters.add(argument.getName());
        }
        return new Target(route.getHttpMethod(), route.getUriMatchTemplate().expand(values),
                consumes.isEmpty() ? MediaType.APPLICATION_JSON_TYPE : consumes.get(0), parameters);
    }
}
