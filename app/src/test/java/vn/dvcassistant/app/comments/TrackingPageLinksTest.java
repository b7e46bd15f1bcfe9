package vn.dvcassistant.app.comments;

import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.web.PublicAddress;
import vn.dvcassistant.channel.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingPageLinksTest {

    @Test
    void withoutAPublicAddressTheWebChatGetsARelativeLinkAndChatAppsTheFallback() {
        TrackingPageLinks links = new TrackingPageLinks(new PublicAddress(null));

        assertThat(links.of("GY-7K3M9Q", Channel.WEB)).isEqualTo("/gop-y/tra-cuu?ma=GY-7K3M9Q");
        assertThat(links.of("GY-7K3M9Q", Channel.TELEGRAM)).isEqualTo("http://localhost:8080/gop-y/tra-cuu?ma=GY-7K3M9Q");
    }

    @Test
    void aConfiguredPublicAddressIsUsedOnEveryChannel() {
        TrackingPageLinks links = new TrackingPageLinks(new PublicAddress("https://dvc.tinh.gov.vn/"));

        assertThat(links.of("GY-7K3M9Q", Channel.WEB)).isEqualTo("https://dvc.tinh.gov.vn/gop-y/tra-cuu?ma=GY-7K3M9Q");
        assertThat(links.of("GY-7K3M9Q", Channel.ZALO)).isEqualTo("https://dvc.tinh.gov.vn/gop-y/tra-cuu?ma=GY-7K3M9Q");
    }
}
