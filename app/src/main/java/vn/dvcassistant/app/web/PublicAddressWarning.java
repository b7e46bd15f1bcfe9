package vn.dvcassistant.app.web;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start when DVC_PUBLIC_URL is unset: QR codes and links sent in Telegram and Zalo would point nowhere. */
@Singleton
final class PublicAddressWarning {

    private static final Logger LOG = LoggerFactory.getLogger(PublicAddressWarning.class);

    private final PublicAddress address;

    PublicAddressWarning(PublicAddress address) {
        this.address = address;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!address.configured()) {
            LOG.warn("DVC_PUBLIC_URL is not set: QR codes and links sent in Telegram and Zalo use {}, which only "
                    + "works on this machine; the web chat uses relative links. Set it to the address citizens reach.",
                    PublicAddress.FALLBACK);
        }
    }
}
