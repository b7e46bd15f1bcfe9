package vn.dvcassistant.app.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The citizens' pages cannot be framed, sniffed or made to run a script that is not the service's own. */
@MicronautTest
class PublicPageHeadersTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void theChatPageMayRunOnlyItsOwnScript() {
        HttpResponse<String> page = get("/");
        assertStrict(page);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        // The page itself keeps to that policy: no inline script or style for it to block.
        assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("<style", "style=\"");
    }

    @Test
    void surveyAndTransparencyPagesRunNoScript() {
        for (String path : new String[]{"/khao-sat/dang-ky-khai-sinh", "/khao-sat/khong-co-thu-tuc-nay", "/minh-bach"}) {
            HttpResponse<String> page = get(path);
            assertStrict(page);
            assertThat(page.header("Content-Security-Policy")).as(path).startsWith("default-src 'none'")
                    .doesNotContain("script-src");
        }
    }

    private static void assertStrict(HttpResponse<String> page) {
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "base-uri 'none'");
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE), String.class);
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }
}
